package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.commitment.JudgeOurCommitment;
import com.promises.core.commitment.RecordOurCommitmentOutcome;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.followup.CloseFollowUp;
import com.promises.core.followup.EscalationStepRecorded;
import com.promises.core.followup.FollowUpClosed;
import com.promises.core.followup.RecordEscalationStep;
import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.payment.RecordPayment;
import com.promises.core.payment.ReversalAccepted;
import com.promises.core.payment.ReversePayment;
import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.ExplainOutcome;
import com.promises.core.promise.ExplanationAccepted;
import com.promises.core.promise.Faith;
import com.promises.core.promise.MakeInstallmentPlan;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PlanAccepted;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.RejudgedBecause;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.promise.ValuePromise;
import com.promises.core.promise.ValuedBy;
import com.promises.core.reminder.ReminderSent;
import com.promises.core.reminder.SendReminder;
import com.promises.core.risk.FinancialSituationRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer who owes money, with every promise they made inside: the consistency boundary, because payments
 * allocate across a customer's promises and quiet days span all of them, and one event stream is what an auditor
 * replays. Command handlers decide, here or in the members; event sourcing handlers, here and in the members, only
 * assign. The revision names the shape of the snapshot: a snapshot of another shape is ignored and the account is
 * rebuilt from its events.
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CustomerAccount {

    @AggregateIdentifier
    private String customerId;
    private String name;
    private String currency;
    @AggregateMember
    private final PromiseBook promises = new PromiseBook();
    @AggregateMember
    private final PaymentLedger ledger = new PaymentLedger();
    @AggregateMember
    private final InstallmentPlans plans = new InstallmentPlans();
    @AggregateMember
    private final QuietDays quietDays = new QuietDays();
    @AggregateMember
    private final OurCommitments commitments = new OurCommitments();
    @AggregateMember
    private final AbilityToPay abilityToPay = new AbilityToPay();
    @AggregateMember
    private final RunningScore score = new RunningScore();

    protected CustomerAccount() {
        // for Axon and for snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Registration handle(RegisterCustomer command, Clock clock) {
        if (customerId != null) {
            return Repeats.answerAgainOrRefuse(
                    Objects.equals(name, command.name()) && Objects.equals(currency, command.currency()),
                    () -> Registration.UNCHANGED,
                    () -> Rejection.CUSTOMER_ALREADY_REGISTERED.because(
                            Refusals.CONFLICTING_REGISTRATION.formatted(customerId, name, currency)));
        }
        if (command.name() == null || command.name().isBlank()) {
            throw Rejection.INVALID_NAME.because("A customer needs a name");
        }
        if (!Money.isValidCurrency(command.currency())) {
            throw Rejection.INVALID_CURRENCY.because("'%s' is not an ISO 4217 currency code".formatted(command.currency()));
        }
        apply(new CustomerRegistered(command.customerId(), command.name().strip(), command.currency(), clock.instant()));
        return Registration.CREATED;
    }

    @CommandHandler
    public PromiseAccepted handle(MakePromise command, AccountRules rules, Clock clock) {
        return making(rules, clock).make(command);
    }

    @CommandHandler
    public PlanAccepted handle(MakeInstallmentPlan command, AccountRules rules, Clock clock) {
        return making(rules, clock).plan(command, plans);
    }

    @CommandHandler
    public PromiseAccepted handle(RenegotiatePromise command, AccountRules rules, Clock clock) {
        return making(rules, clock).renegotiate(command);
    }

    @CommandHandler
    public void handle(RecordBrokenPromise command, AccountRules rules, Clock clock) {
        Promise promise = promises.toChange(customerId, command.promiseId());
        if (command.reason() == null) {
            throw Rejection.INVALID_REASON.because(Refusals.REASON_REQUIRED);
        }
        judgements(clock).judge(promise, new PromiseBroken(customerId, promise.id, promise.amount, promise.paid(),
                promise.dueDate, promise.windowClosesOn, command.reason(), command.reason().faith(), command.note(),
                ValuedBy.COLLECTOR, clock.instant()));
        situationTold(command.reason(), command.note(), promise.id, rules, clock);
    }

    /** DOMAIN.md rule 4 after the fact: the latest explanation is the one the score and the follow-up go by. */
    @CommandHandler
    public ExplanationAccepted handle(ExplainOutcome command, AccountRules rules, Clock clock) {
        Promise promise = promises.notKept(customerId, command.promiseId(), "explained");
        if (command.reason() == null) {
            throw Rejection.INVALID_REASON.because(Refusals.REASON_REQUIRED);
        }
        Faith faith = command.faith() == null ? command.reason().faith() : command.faith();
        if (faith != command.reason().faith() && (command.note() == null || command.note().isBlank())) {
            throw Rejection.INVALID_FAITH.because(Refusals.FAITH_OVERRIDE_NEEDS_NOTE.formatted(command.reason(),
                    command.reason().faith(), faith));
        }
        if (command.reason() != promise.reason || faith != promise.faith || !Objects.equals(command.note(), promise.reasonNote)) {
            apply(new OutcomeExplained(customerId, promise.id, promise.state, command.reason(), faith, command.note(),
                    rules.calendar().today(clock), clock.instant()));
            situationTold(command.reason(), command.note(), promise.id, rules, clock);
        }
        return new ExplanationAccepted(promise.id, command.reason(), faith);
    }

    @CommandHandler
    public void handle(CancelPromise command, AccountRules rules, Clock clock) {
        Promise promise = promises.get(customerId, command.promiseId());
        PromiseBook.requireNotEnded(promise);
        apply(new PromiseCancelled(customerId, promise.id, promise.amount, promise.paid(), promise.dueDate,
                command.note(), rules.calendar().today(clock), clock.instant()));
    }

    /** The service's own judgement when a window closes; judging twice changes nothing. */
    @CommandHandler
    public void handle(ValuePromise command, AccountRules rules, Clock clock) {
        Promise promise = promises.get(customerId, command.promiseId());
        if (!promise.isOpen()) {
            return; // already judged, closed, or paused by a dispute
        }
        if (!promise.windowHasClosed(rules.calendar().today(clock))) {
            throw Rejection.WINDOW_NOT_CLOSED.because(Refusals.WINDOW_OPEN.formatted(promise.id, promise.windowClosesOn));
        }
        judgements(clock).judge(promise, promise.judgedAtClose(customerId, clock.instant()));
    }

    @CommandHandler
    public void handle(SendReminder command, AccountRules rules, Clock clock) {
        Promise promise = promises.toChange(customerId, command.promiseId());
        LocalDate today = rules.calendar().today(clock);
        quietDays.requireOver(today);
        apply(new ReminderSent(customerId, promise.id, command.channel(), command.note(), today, promise.dueDate,
                today.plusDays(rules.quietDays()), clock.instant()));
    }

    /** A payment dated inside a window that has already closed judges that promise again (rule 9). */
    @CommandHandler
    public PaymentAccepted handle(RecordPayment command, AccountRules rules, Clock clock) {
        PaymentRecorded earlier = ledger.find(command.paymentId());
        if (earlier != null) {
            return Repeats.answerAgainOrRefuse(PaymentLedger.sameDetails(earlier, command),
                    () -> PaymentLedger.answerTo(earlier),
                    () -> Rejection.DUPLICATE_PAYMENT_ID.because(Refusals.DUPLICATE_PAYMENT.formatted(command.paymentId())));
        }
        money().require(command.amount());
        LocalDate today = rules.calendar().today(clock);
        Dates.requireNotAfterToday("payment date", command.paidOn(), today);
        Promise named = null;
        if (command.promiseId() != null) {
            named = promises.get(customerId, command.promiseId());
            PromiseBook.requireNotClosed(named);
        }
        var allocation = PaymentAllocation.allocate(command.amount(), named, promises.inOrderMade());
        apply(new PaymentRecorded(customerId, command.paymentId(), command.amount(), command.paidOn(), command.promiseId(),
                allocation.allocations(), allocation.unallocated(), ledger.credit().plus(allocation.unallocated()),
                clock.instant()));
        Judgements judgements = judgements(clock);
        Set<String> backdated = new LinkedHashSet<>();
        for (Allocation part : allocation.allocations()) {
            Promise promise = promises.find(part.promiseId());
            judgements.keepIfPaidInFull(promise);
            if (!command.paidOn().isAfter(promise.windowClosesOn) && promise.windowHasClosed(today)) {
                backdated.add(promise.id);
            }
        }
        judgements.judgeAgain(backdated, today, RejudgedBecause.BACKDATED_PAYMENT, command.paymentId());
        return new PaymentAccepted(command.paymentId(), allocation.allocations(), allocation.unallocated());
    }

    /**
     * Every cent of a reversed payment comes back from where it went: its allocations, the account's credit, and the
     * credit later promises received from it. The promises it touched are judged again at once (rule 9).
     */
    @CommandHandler
    public ReversalAccepted handle(ReversePayment command, AccountRules rules, Clock clock) {
        PaymentRecorded payment = ledger.toReverse(customerId, command);
        Money fromCredit = ledger.credit().min(payment.unallocated());
        var takenBack = promises.creditToTakeBack(payment.unallocated().minus(fromCredit));
        LocalDate today = rules.calendar().today(clock);
        apply(new PaymentReversed(customerId, payment.paymentId(), payment.amount(), payment.paidOn(), command.reason(),
                command.note(), payment.allocations(), fromCredit, takenBack, ledger.credit().minus(fromCredit), today,
                clock.instant()));
        Set<String> touched = new LinkedHashSet<>();
        payment.allocations().forEach(part -> touched.add(part.promiseId()));
        takenBack.forEach(part -> touched.add(part.promiseId()));
        return new ReversalAccepted(payment.paymentId(),
                judgements(clock).judgeAgain(touched, today, RejudgedBecause.PAYMENT_REVERSED, payment.paymentId()));
    }

    /** A follow-up is open after a break or a partial payment our own miss did not excuse, until it is closed. */
    @CommandHandler
    public void handle(CloseFollowUp command, AccountRules rules, Clock clock) {
        Promise promise = promises.get(customerId, command.promiseId());
        boolean notKept = promise.state == PromiseState.BROKEN || promise.state == PromiseState.PARTIALLY_KEPT;
        if (!notKept || promise.excused || promise.followUpClosed) {
            throw Rejection.FOLLOW_UP_NOT_OPEN.because(Refusals.NO_OPEN_FOLLOW_UP.formatted(promise.id,
                    PromiseBook.describe(promise.state), !notKept ? ""
                            : promise.excused ? " and excused by our own miss" : " and its follow-up was already closed"));
        }
        apply(new FollowUpClosed(customerId, promise.id, command.note(), rules.calendar().today(clock), clock.instant()));
    }

    /** DOMAIN.md rule 8: the steps a collector took, about one promise not kept or about the whole debt. */
    @CommandHandler
    public void handle(RecordEscalationStep command, AccountRules rules, Clock clock) {
        if (command.step() == null) {
            throw Rejection.INVALID_STEP.because(Refusals.STEP_REQUIRED);
        }
        if (command.promiseId() != null) {
            promises.notKept(customerId, command.promiseId(), "escalated");
        }
        apply(new EscalationStepRecorded(customerId, command.step(), command.promiseId(), command.note(),
                command.documentReference(), rules.calendar().today(clock), clock.instant()));
    }

    @CommandHandler
    public void handle(OpenDispute command, AccountRules rules, Clock clock) {
        Promise promise = promises.toChange(customerId, command.promiseId());
        apply(new DisputeOpened(customerId, promise.id, promise.amount, promise.dueDate, command.reason(),
                command.note(), rules.calendar().today(clock), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveDispute command, AccountRules rules, Clock clock) {
        Promise promise = promises.get(customerId, command.promiseId());
        if (!promise.isDisputed()) {
            throw Rejection.PROMISE_NOT_DISPUTED.because(Refusals.NOT_DISPUTED.formatted(promise.id));
        }
        LocalDate today = rules.calendar().today(clock);
        long paused = Math.max(0, ChronoUnit.DAYS.between(promise.disputedOn, today));
        apply(new DisputeResolved(customerId, promise.id, command.upheld(), command.note(), today, paused,
                promise.dueDate.plusDays(paused), promise.windowClosesOn.plusDays(paused), clock.instant()));
        if (!command.upheld()) {
            Judgements judgements = judgements(clock);
            judgements.keepIfPaidInFull(promise);
            judgements.judgeIfWindowClosed(promise, today);
        }
    }

    /** DOMAIN.md rule 7: a miss of ours excuses the customer's promises it covers, those judged already included. */
    @CommandHandler
    public void handle(RecordOurCommitmentOutcome command, AccountRules rules, Clock clock) {
        commitments.record(customerId, command, rules, rules.calendar().today(clock), clock.instant());
        judgements(clock).excuseJudgedPromises();
    }

    @CommandHandler
    public void handle(JudgeOurCommitment command, AccountRules rules, Clock clock) {
        commitments.judge(customerId, command.commitmentId(), rules, rules.calendar().today(clock), clock.instant());
        judgements(clock).excuseJudgedPromises();
    }

    /** A reason that tells of the customer's ability to pay (accounts frozen) records that situation beside it. */
    private void situationTold(Reason reason, String note, String promiseId, AccountRules rules, Clock clock) {
        if (reason.situation() != null) {
            apply(new FinancialSituationRecorded(customerId, reason.situation(), note, promiseId,
                    rules.calendar().today(clock), clock.instant()));
        }
    }

    private PromiseMaking making(AccountRules rules, Clock clock) {
        return new PromiseMaking(money(), promises, ledger, score, rules, clock);
    }

    private Judgements judgements(Clock clock) {
        return new Judgements(customerId, promises, clock.instant());
    }

    private AccountMoney money() {
        return new AccountMoney(customerId, currency);
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        name = event.name();
        currency = event.currency();
    }
}
