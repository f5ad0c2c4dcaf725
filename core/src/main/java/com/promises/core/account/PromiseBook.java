package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.ExcusePeriod;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.followup.FollowUpClosed;
import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every promise of the account, in the order made, how each one's events change it, and the periods our own misses
 * excuse (DOMAIN.md rule 7), which every judgement is checked against.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class PromiseBook {

    private final Map<String, Promise> promises = new LinkedHashMap<>();
    private final List<ExcusePeriod> excuses = new ArrayList<>();

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

    /** A promise judged broken or partially kept, which a collector explains and follows up; {@code doing} says what for. */
    Promise notKept(String customerId, String promiseId, String doing) {
        Promise promise = get(customerId, promiseId);
        if (promise.state != PromiseState.BROKEN && promise.state != PromiseState.PARTIALLY_KEPT) {
            throw Rejection.PROMISE_NOT_BROKEN.because(Refusals.NOT_BROKEN.formatted(promise.id, describe(promise.state), doing));
        }
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

    static String describe(Enum<?> state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    /**
     * Credit a reversed payment had left on the account that later promises already received: taken back from the
     * newest first, up to {@code amount}.
     */
    List<Allocation> creditToTakeBack(Money amount) {
        List<Allocation> taken = new ArrayList<>();
        Money left = amount;
        List<Promise> inOrder = inOrderMade();
        for (int i = inOrder.size() - 1; i >= 0 && left.isPositive(); i--) {
            Promise promise = inOrder.get(i);
            if (promise.creditHeld.signum() > 0) {
                Money share = left.min(Money.of(promise.creditHeld, left.currency()));
                taken.add(new Allocation(promise.id, share));
                left = left.minus(share);
            }
        }
        return taken;
    }

    /** The period of one of our misses that excuses a promise whose window closes on that day, or null. */
    ExcusePeriod excuseFor(Promise promise) {
        return excuses.stream().filter(period -> period.excuses(promise.windowClosesOn)).findFirst().orElse(null);
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
            promise.creditHeld = event.creditApplied().amount();
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
    void on(PaymentReversed event) {
        for (Allocation part : event.allocationsUndone()) {
            promises.get(part.promiseId()).receipts.add(new Promise.Receipt(event.paidOn(), part.amount().amount().negate()));
        }
        for (Allocation part : event.creditTakenBack()) {
            Promise promise = promises.get(part.promiseId());
            promise.receipts.add(new Promise.Receipt(promise.madeOn, part.amount().amount().negate()));
            promise.creditHeld = promise.creditHeld.subtract(part.amount().amount());
        }
    }

    @EventSourcingHandler
    void on(PromiseKept event) {
        Promise promise = judged(event.promiseId(), PromiseState.KEPT);
        promise.onTime = event.onTime();
    }

    @EventSourcingHandler
    void on(PromisePartiallyKept event) {
        judged(event.promiseId(), PromiseState.PARTIALLY_KEPT).fractionPaid = event.fractionPaid();
    }

    @EventSourcingHandler
    void on(PromiseBroken event) {
        Promise promise = judged(event.promiseId(), PromiseState.BROKEN);
        promise.reason = event.reason();
        promise.faith = event.faith();
        promise.reasonNote = event.note();
    }

    @EventSourcingHandler
    void on(PromiseRejudged event) {
        Promise promise = judged(event.promiseId(), event.state());
        promise.onTime = event.onTime();
        promise.fractionPaid = event.fractionPaid();
    }

    @EventSourcingHandler
    void on(OutcomeExplained event) {
        Promise promise = promises.get(event.promiseId());
        promise.reason = event.reason();
        promise.faith = event.faith();
        promise.reasonNote = event.note();
    }

    @EventSourcingHandler
    void on(PromiseExcused event) {
        promises.get(event.promiseId()).excused = true;
    }

    @EventSourcingHandler
    void on(FollowUpClosed event) {
        promises.get(event.promiseId()).followUpClosed = true;
    }

    @EventSourcingHandler
    void on(OurCommitmentOutcomeRecorded event) {
        if (event.outcome() == CommitmentOutcome.MISSED) {
            excuses.add(ExcusePeriod.after(event));
        }
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

    /** A judgement, first or again, opens a new follow-up when it is not kept. */
    private Promise judged(String promiseId, PromiseState state) {
        Promise promise = promises.get(promiseId);
        promise.state = state;
        promise.followUpClosed = false;
        return promise;
    }
}
