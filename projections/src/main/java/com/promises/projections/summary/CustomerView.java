package com.promises.projections.summary;

import com.promises.core.account.CustomerRegistered;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.overdue.OwedPromise;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.promise.Faith;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.Owed;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.FinancialSituationRecorded;
import com.promises.core.scoring.ScoreCard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One customer as the summary sees it, and a transition for each event that changes it. The projection applies
 * them to stored views; a read that must be as new as the history, and the auditor's verify, apply them to views
 * in memory, through the same handlers.
 */
public final class CustomerView {

    final String customerId;
    String name;
    String currency;
    ScoreCard card;
    BigDecimal credit = BigDecimal.ZERO;
    long lastSequence = -1;
    FinancialSituation situation;
    /** The day the current situation was first recorded: a later note on the same situation keeps it. */
    LocalDate situationSince;
    int commitmentsOpen;
    int commitmentsMissed;
    /** The band of the stored summary row (null until it is first saved), for moving the band counts. */
    String storedBand;
    final Map<String, PromiseView> promises = new LinkedHashMap<>();
    final Set<String> changedPromises = new HashSet<>();

    CustomerView(String customerId, ScoreCard card) {
        this.customerId = customerId;
        this.card = card;
    }

    /**
     * Applies the change of the customer's event at this sequence number. An event at or below the last one applied
     * was applied before (a processor delivering it again) and changes nothing.
     */
    void applyAt(long sequence, Consumer<CustomerView> change) {
        if (sequence <= lastSequence) {
            return;
        }
        change.accept(this);
        lastSequence = sequence;
    }

    void registered(CustomerRegistered event) {
        name = event.name();
        currency = event.currency();
    }

    void promiseMade(PromiseMade event) {
        BigDecimal credited = event.creditApplied() == null ? BigDecimal.ZERO : event.creditApplied().amount();
        promises.put(event.promiseId(), new PromiseView(event.promiseId(), event.amount().amount(), credited,
                event.dueDate(), event.windowClosesOn(), PromiseState.OPEN, event.level(), promises.size()));
        credit = credit.subtract(credited);
        changedPromises.add(event.promiseId());
    }

    void paymentRecorded(PaymentRecorded event) {
        for (Allocation allocation : event.allocations()) {
            PromiseView promise = promise(allocation.promiseId());
            promise.paid = promise.paid.add(allocation.amount().amount());
            changedPromises.add(allocation.promiseId());
        }
        credit = event.creditBalance().amount();
    }

    void promiseKept(PromiseKept event) {
        valued(event.promiseId(), PromiseState.KEPT, event);
    }

    void promisePartiallyKept(PromisePartiallyKept event) {
        valued(event.promiseId(), PromiseState.PARTIALLY_KEPT, event);
    }

    void promiseBroken(PromiseBroken event) {
        valued(event.promiseId(), PromiseState.BROKEN, event);
        explained(event.promiseId(), event.reason(), event.faith());
    }

    /** A later explanation replaces the earlier one here and in the score; the history keeps both. */
    void outcomeExplained(OutcomeExplained event) {
        explained(event.promiseId(), event.reason(), event.faith());
        card = card.apply(event);
    }

    void promiseRejudged(PromiseRejudged event) {
        valued(event.promiseId(), event.state(), event);
    }

    void promiseExcused(PromiseExcused event) {
        promise(event.promiseId()).excused = true;
        changedPromises.add(event.promiseId());
        card = card.apply(event);
    }

    void paymentReversed(PaymentReversed event) {
        for (Allocation allocation : event.allocationsUndone()) {
            paidBack(allocation);
        }
        for (Allocation allocation : event.creditTakenBack()) {
            paidBack(allocation);
        }
        credit = event.creditBalance().amount();
    }

    void situationRecorded(FinancialSituationRecorded event) {
        if (event.situation() != situation) {
            situationSince = event.recordedOn();
        }
        situation = event.situation();
    }

    void commitmentMade() {
        commitmentsOpen++;
    }

    void commitmentAnswered(OurCommitmentOutcomeRecorded event) {
        commitmentsOpen--;
        if (event.outcome() == CommitmentOutcome.MISSED) {
            commitmentsMissed++;
        }
    }

    void promiseRenegotiated(PromiseRenegotiated event) {
        valued(event.promiseId(), PromiseState.RENEGOTIATED, event);
    }

    void promiseCancelled(PromiseCancelled event) {
        moved(event.promiseId(), PromiseState.CANCELLED);
    }

    void disputeOpened(DisputeOpened event) {
        moved(event.promiseId(), PromiseState.DISPUTED);
    }

    void disputeResolved(DisputeResolved event) {
        PromiseView promise = moved(event.promiseId(), PromiseState.afterDispute(event.upheld()));
        if (!event.upheld()) {
            promise.dueDate = event.dueDate();
            promise.windowClosesOn = event.windowClosesOn();
        }
    }

    /** A promise judged or renegotiated: its state changes, and the score moves by the policy. */
    private void valued(String promiseId, PromiseState state, Object valuation) {
        moved(promiseId, state);
        card = card.apply(valuation);
    }

    private void explained(String promiseId, Reason reason, Faith faith) {
        PromiseView promise = promise(promiseId);
        promise.reason = reason;
        promise.faith = faith;
        changedPromises.add(promiseId);
    }

    private void paidBack(Allocation allocation) {
        PromiseView promise = promise(allocation.promiseId());
        promise.paid = promise.paid.subtract(allocation.amount().amount());
        changedPromises.add(allocation.promiseId());
    }

    private PromiseView moved(String promiseId, PromiseState state) {
        PromiseView promise = promise(promiseId);
        promise.state = state;
        changedPromises.add(promiseId);
        return promise;
    }

    private PromiseView promise(String promiseId) {
        PromiseView promise = promises.get(promiseId);
        if (promise == null) {
            throw new IllegalStateException("Customer " + customerId + " has no promise " + promiseId + " in the read model");
        }
        return promise;
    }

    LocalDate oldestOwedDue() {
        return owed().map(p -> p.dueDate).min(Comparator.naturalOrder()).orElse(null);
    }

    LocalDate oldestOwedWindow() {
        return owed().map(p -> p.windowClosesOn).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The account's currency; null before the customer is registered. */
    public String currency() {
        return currency;
    }

    /** The promises with money still owed on them ({@code Owed}'s rule). */
    public List<OwedPromise> owedPromises() {
        return owed().map(p -> new OwedPromise(p.unpaid(), p.dueDate, p.windowClosesOn)).toList();
    }

    int openPromises() {
        return count(PromiseState.OPEN);
    }

    int disputedPromises() {
        return count(PromiseState.DISPUTED);
    }

    private int count(PromiseState state) {
        return (int) promises.values().stream().filter(p -> p.state == state).count();
    }

    private Stream<PromiseView> owed() {
        return promises.values().stream().filter(PromiseView::owed);
    }

    /** A promise as the summary lists it. */
    static final class PromiseView {
        final String id;
        final BigDecimal amount;
        BigDecimal paid;
        LocalDate dueDate;
        LocalDate windowClosesOn;
        PromiseState state;
        final int level;
        final int order;
        Reason reason;
        Faith faith;
        boolean excused;

        PromiseView(String id, BigDecimal amount, BigDecimal paid, LocalDate dueDate, LocalDate windowClosesOn,
                    PromiseState state, int level, int order) {
            this.id = id;
            this.amount = amount;
            this.paid = paid;
            this.dueDate = dueDate;
            this.windowClosesOn = windowClosesOn;
            this.state = state;
            this.level = level;
            this.order = order;
        }

        boolean owed() {
            return Owed.isStillOwed(state, amount, paid);
        }

        BigDecimal unpaid() {
            return Owed.unpaid(amount, paid);
        }
    }
}
