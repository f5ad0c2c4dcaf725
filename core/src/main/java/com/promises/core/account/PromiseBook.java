package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Every promise of the account, in the order made, and how each one's events change it. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class PromiseBook {

    private final Map<String, Promise> promises = new LinkedHashMap<>();

    /** The promise under this id, or null. */
    Promise find(String promiseId) {
        return promiseId == null ? null : promises.get(promiseId);
    }

    boolean contains(String promiseId) {
        return promises.containsKey(promiseId);
    }

    List<Promise> inOrderMade() {
        return new ArrayList<>(promises.values());
    }

    Promise get(String customerId, String promiseId) {
        Promise promise = find(promiseId);
        if (promise == null) {
            throw Rejection.PROMISE_NOT_FOUND.because(Refusals.UNKNOWN_PROMISE.formatted(customerId, promiseId));
        }
        return promise;
    }

    /** A promise that can still be broken, reminded, renegotiated or disputed: open, not paused. */
    Promise toChange(String customerId, String promiseId) {
        Promise promise = get(customerId, promiseId);
        requireChangeable(promise);
        return promise;
    }

    static void requireChangeable(Promise promise) {
        requireNotEnded(promise);
        if (promise.isDisputed()) {
            throw Rejection.PROMISE_DISPUTED.because(Refusals.DISPUTED.formatted(promise.id, promise.disputedOn));
        }
    }

    /** Neither judged nor closed by a renegotiation or a cancellation. */
    static void requireNotEnded(Promise promise) {
        if (promise.isJudged()) {
            throw Rejection.PROMISE_ALREADY_VALUED.because(Refusals.ALREADY_VALUED.formatted(promise.id, describe(promise.state)));
        }
        if (promise.isClosed()) {
            throw Rejection.PROMISE_CLOSED.because(Refusals.CLOSED.formatted(promise.id, describe(promise.state)));
        }
    }

    static void requireNotClosed(Promise promise) {
        if (promise.isClosed()) {
            throw Rejection.PROMISE_CLOSED.because(Refusals.CLOSED.formatted(promise.id, describe(promise.state)));
        }
    }

    static String describe(PromiseState state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    /** DOMAIN.md rule 1: kept at once when paid in full inside the window. */
    void keepIfPaidInFull(String customerId, Promise promise, Instant now) {
        PromiseKept kept = promise.keptIfPaidInFull(customerId, now);
        if (kept != null) {
            apply(kept);
        }
    }

    /** Judged now when its window has already closed (a backdated promise, a dispute that outlasted it). */
    void judgeIfWindowClosed(String customerId, Promise promise, LocalDate today, Instant now) {
        if (promise.isOpen() && promise.windowHasClosed(today)) {
            apply(promise.judgedAtClose(customerId, now));
        }
    }

    @EventSourcingHandler
    void on(PromiseMade event) {
        Promise promise = new Promise();
        promise.id = event.promiseId();
        promise.amount = event.amount();
        promise.madeOn = event.madeOn();
        promise.dueDate = event.dueDate();
        promise.windowClosesOn = event.windowClosesOn();
        promise.level = event.level();
        promise.planId = event.planId();
        promise.channel = event.channel();
        promise.inWriting = event.inWriting();
        promise.reference = event.reference();
        promise.note = event.note();
        promise.replacesPromiseId = event.replacesPromiseId();
        promise.warnings = new ArrayList<>(event.warnings());
        if (event.creditApplied() != null && event.creditApplied().isPositive()) {
            promise.receipts.add(new Promise.Receipt(event.madeOn(), event.creditApplied().amount()));
        }
        promises.put(promise.id, promise);
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        for (Allocation part : event.allocations()) {
            promises.get(part.promiseId()).receipts.add(new Promise.Receipt(event.paidOn(), part.amount().amount()));
        }
    }

    @EventSourcingHandler
    void on(PromiseKept event) {
        promises.get(event.promiseId()).state = PromiseState.KEPT;
    }

    @EventSourcingHandler
    void on(PromisePartiallyKept event) {
        promises.get(event.promiseId()).state = PromiseState.PARTIALLY_KEPT;
    }

    @EventSourcingHandler
    void on(PromiseBroken event) {
        promises.get(event.promiseId()).state = PromiseState.BROKEN;
    }

    @EventSourcingHandler
    void on(PromiseRenegotiated event) {
        Promise promise = promises.get(event.promiseId());
        promise.state = PromiseState.RENEGOTIATED;
        promise.replacedBy = event.newPromiseId();
    }

    @EventSourcingHandler
    void on(PromiseCancelled event) {
        promises.get(event.promiseId()).state = PromiseState.CANCELLED;
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        Promise promise = promises.get(event.promiseId());
        promise.state = PromiseState.DISPUTED;
        promise.disputedOn = event.openedOn();
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        Promise promise = promises.get(event.promiseId());
        promise.disputedOn = null;
        promise.state = PromiseState.afterDispute(event.upheld());
        if (!event.upheld()) {
            promise.dueDate = event.dueDate();
            promise.windowClosesOn = event.windowClosesOn();
        }
    }
}
