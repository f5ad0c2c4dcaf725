package com.promises.projections.testing;

import com.promises.core.account.CustomerRegistered;
import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.OurCommitmentMade;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.followup.EscalationStepRecorded;
import com.promises.core.followup.StepTaken;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.payment.ReversalReason;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.RejudgedBecause;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.FinancialSituationRecorded;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.Reason;
import com.promises.core.promise.ValuedBy;
import com.promises.core.reminder.ReminderSent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A small vocabulary of one customer's events in CNY, as the customer account records them. */
public record Events(String customerId) {

    public static final int GRACE_DAYS = 3;

    public CustomerRegistered registered() {
        return new CustomerRegistered(customerId, "Customer " + customerId, "CNY", Instant.parse("2026-01-01T00:00:00Z"));
    }

    public PromiseMade promiseMade(String promiseId, String amount, LocalDate madeOn, LocalDate due) {
        return new PromiseMade(customerId, promiseId, cny(amount), madeOn, due, GRACE_DAYS, due.plusDays(GRACE_DAYS),
                Channel.PHONE, false, null, null, null, null, 1, cny("0"), List.of(), at(madeOn));
    }

    public PaymentRecorded paid(String paymentId, String promiseId, String amount, LocalDate paidOn) {
        return new PaymentRecorded(customerId, paymentId, cny(amount), paidOn, promiseId,
                List.of(new Allocation(promiseId, cny(amount))), cny("0"), cny("0"), at(paidOn));
    }

    public PromiseKept kept(PromiseMade promise, LocalDate paidInFullOn) {
        return new PromiseKept(customerId, promise.promiseId(), promise.amount(), promise.amount(), promise.dueDate(),
                promise.windowClosesOn(), paidInFullOn, !paidInFullOn.isAfter(promise.dueDate()), ValuedBy.SYSTEM,
                at(paidInFullOn));
    }

    public PromisePartiallyKept partiallyKept(PromiseMade promise, String paid) {
        Money paidMoney = cny(paid);
        return new PromisePartiallyKept(customerId, promise.promiseId(), promise.amount(), paidMoney,
                paidMoney.amount().divide(promise.amount().amount(), 4, RoundingMode.HALF_UP), promise.dueDate(),
                promise.windowClosesOn(), ValuedBy.SYSTEM, at(promise.windowClosesOn().plusDays(1)));
    }

    public PromiseCancelled cancelled(PromiseMade promise, LocalDate on) {
        return new PromiseCancelled(customerId, promise.promiseId(), promise.amount(), cny("0"), promise.dueDate(),
                "recorded twice", on, at(on));
    }

    /** Broken by the service at the window's close, nothing paid. */
    public PromiseBroken brokenAt(PromiseMade promise, Instant valuedAt) {
        return new PromiseBroken(customerId, promise.promiseId(), promise.amount(), cny("0"), promise.dueDate(),
                promise.windowClosesOn(), null, Faith.UNKNOWN, null, ValuedBy.SYSTEM, valuedAt);
    }

    /** Recorded broken by a collector, with a reason and the faith it signals. */
    public PromiseBroken brokenBecause(PromiseMade promise, Reason reason, Instant valuedAt) {
        return new PromiseBroken(customerId, promise.promiseId(), promise.amount(), cny("0"), promise.dueDate(),
                promise.windowClosesOn(), reason, reason.faith(), null, ValuedBy.COLLECTOR, valuedAt);
    }

    public DisputeOpened disputed(PromiseMade promise, LocalDate on) {
        return new DisputeOpened(customerId, promise.promiseId(), promise.amount(), promise.dueDate(),
                Reason.QUALITY_DISPUTE, null, on, at(on));
    }

    public ReminderSent reminded(PromiseMade promise, LocalDate on, int quietDays) {
        return new ReminderSent(customerId, promise.promiseId(), Channel.MESSAGE, null, on, promise.dueDate(),
                on.plusDays(quietDays), at(on));
    }

    /** A collector's explanation after the judgement, in the faith the reason usually signals. */
    public OutcomeExplained explained(PromiseMade promise, PromiseState state, Reason reason, LocalDate on) {
        return new OutcomeExplained(customerId, promise.promiseId(), state, reason, reason.faith(), null, on, at(on));
    }

    public PromiseExcused excused(PromiseMade promise, LocalDate missedOn, LocalDate on) {
        return new PromiseExcused(customerId, promise.promiseId(), promise.windowClosesOn(), "C-1", missedOn, at(on));
    }

    /** Judged again from the money now on it ({@code paid}), because a payment was reversed. */
    public PromiseRejudged rejudged(PromiseMade promise, PromiseState from, PromiseState to, String paid, LocalDate on) {
        BigDecimal fraction = to == PromiseState.PARTIALLY_KEPT
                ? new BigDecimal(paid).divide(promise.amount().amount(), 4, RoundingMode.HALF_UP) : null;
        LocalDate fullOn = to == PromiseState.KEPT ? promise.dueDate() : null;
        return new PromiseRejudged(customerId, promise.promiseId(), promise.amount(), cny(paid), fraction, promise.dueDate(),
                promise.windowClosesOn(), from, to, fullOn, fullOn != null, RejudgedBecause.PAYMENT_REVERSED, "PAY-1", at(on));
    }

    /** The payment, allocated wholly to one promise, reversed. */
    public PaymentReversed reversed(PaymentRecorded payment, LocalDate on) {
        return new PaymentReversed(customerId, payment.paymentId(), payment.amount(), payment.paidOn(), ReversalReason.BOUNCED,
                null, payment.allocations(), cny("0"), List.of(), cny("0"), on, at(on));
    }

    public FinancialSituationRecorded situation(FinancialSituation situation, String note, LocalDate on) {
        return new FinancialSituationRecorded(customerId, situation, note, null, on, at(on));
    }

    public OurCommitmentMade commitmentMade(String commitmentId, LocalDate due) {
        return new OurCommitmentMade(customerId, commitmentId, CommitmentKind.VISIT, due, due.plusDays(1), null,
                due.minusDays(1), at(due.minusDays(1)));
    }

    public OurCommitmentOutcomeRecorded missed(OurCommitmentMade commitment) {
        return new OurCommitmentOutcomeRecorded(customerId, commitment.commitmentId(), commitment.kind(), commitment.dueDate(),
                CommitmentOutcome.MISSED, null, commitment.dueDate().plusDays(14), ValuedBy.SYSTEM,
                commitment.answerBy().plusDays(1), at(commitment.answerBy().plusDays(1)));
    }

    public EscalationStepRecorded stepTaken(StepTaken step, PromiseMade about, LocalDate on) {
        return new EscalationStepRecorded(customerId, step, about == null ? null : about.promiseId(), null, null, on, at(on));
    }

    public static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    public static Instant at(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }
}
