package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.followup.CloseFollowUp;
import com.promises.core.followup.FollowUpClosed;
import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.Channel;
import com.promises.core.promise.InstallmentPlanMade;
import com.promises.core.promise.MakeInstallmentPlan;
import com.promises.core.promise.MakeInstallmentPlan.Installment;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PlanAccepted;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.PromiseWarning;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.promise.ValuePromise;
import com.promises.core.promise.ValuedBy;
import com.promises.core.reminder.ReminderSent;
import com.promises.core.reminder.SendReminder;
import com.promises.core.scoring.ReliabilityPolicies;
import com.promises.core.scoring.WeightedScoreCard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer who owes money, with every promise they made inside: the consistency boundary, because payments
 * allocate across a customer's promises and quiet days span all of them, and one event stream is what an auditor
 * replays. Command handlers decide; event sourcing handlers, here and in the members, only assign.
 */
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
    private final Set<String> closedFollowUps = new HashSet<>();
    /** The v1 reliability as it stands, to weigh new promises (rule 5); the read models keep their own. */
    private WeightedScoreCard reliability = ReliabilityPolicies.V1.start();

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
        Promise existing = promises.find(command.promiseId());
        if (existing != null) {
            return Repeats.answerAgainOrRefuse(existing.wasMadeBy(command), existing::accepted,
                    () -> duplicatePromiseId(command.promiseId()));
        }
        LocalDate today = rules.calendar().today(clock);
        LocalDate madeOn = command.madeOn() == null ? today : command.madeOn();
        money().require(command.amount());
        Dates.requireNotAfterToday("date the promise was made", madeOn, today);
        Dates.require("due date", command.dueDate());
        if (command.dueDate().isBefore(madeOn)) {
            throw Rejection.INVALID_DATE.because(Refusals.DUE_BEFORE_MADE.formatted(command.dueDate(), madeOn));
        }
        List<PromiseWarning> warnings = makePromise(new Terms(command.promiseId(), command.amount(), madeOn,
                command.dueDate(), command.channel(), command.inWriting(), command.reference(), command.note(),
                null, null, 1), rules, clock);
        return new PromiseAccepted(command.promiseId(), warnings);
    }

    @CommandHandler
    public PlanAccepted handle(MakeInstallmentPlan command, AccountRules rules, Clock clock) {
        InstallmentPlanMade existing = plans.find(command.planId());
        if (existing != null) {
            return Repeats.answerAgainOrRefuse(InstallmentPlans.sameInstallments(existing, command),
                    () -> InstallmentPlans.answerTo(existing),
                    () -> Rejection.DUPLICATE_PLAN_ID.because(Refusals.DUPLICATE_PLAN.formatted(command.planId())));
        }
        LocalDate today = rules.calendar().today(clock);
        Money total = InstallmentPlans.checkedTotal(command, money(), promises, today);
        List<Installment> installments = InstallmentPlans.installmentsOf(command);
        apply(new InstallmentPlanMade(customerId, command.planId(), total, command.channel(), command.inWriting(),
                command.note(), today, installments, clock.instant()));
        for (Installment installment : installments) {
            makePromise(new Terms(installment.promiseId(), installment.amount(), today, installment.dueDate(),
                    command.channel(), command.inWriting(), null, null, command.planId(), null, 1), rules, clock);
        }
        return new PlanAccepted(command.planId(), installments.stream().map(Installment::promiseId).toList());
    }

    @CommandHandler
    public void handle(RecordBrokenPromise command, Clock clock) {
        Promise promise = promises.toChange(customerId, command.promiseId());
        if (command.reason() == null) {
            throw Rejection.INVALID_REASON.because(Refusals.REASON_REQUIRED);
        }
        apply(new PromiseBroken(customerId, promise.id, promise.amount, promise.paid(), promise.dueDate,
                promise.windowClosesOn, command.reason(), command.reason().faith(), command.note(),
                ValuedBy.COLLECTOR, clock.instant()));
    }

    @CommandHandler
    public PromiseAccepted handle(RenegotiatePromise command, AccountRules rules, Clock clock) {
        Promise old = promises.get(customerId, command.promiseId());
        if (old.state == PromiseState.RENEGOTIATED && Objects.equals(old.replacedBy, command.newPromiseId())
                && command.newDueDate() != null) {
            Promise replacement = promises.find(old.replacedBy);
            boolean same = command.newDueDate().equals(replacement.dueDate)
                    && (command.newAmount() == null || command.newAmount().equals(replacement.amount));
            if (same) {
                return replacement.accepted();
            }
        }
        PromiseBook.requireChangeable(old);
        if (promises.contains(command.newPromiseId())) {
            throw duplicatePromiseId(command.newPromiseId());
        }
        LocalDate today = rules.calendar().today(clock);
        Money newAmount = command.newAmount() == null ? old.unpaid() : command.newAmount();
        money().require(newAmount);
        Dates.require("new due date", command.newDueDate());
        if (command.newDueDate().isBefore(today)) {
            throw Rejection.INVALID_DATE.because(Refusals.DUE_BEFORE_MADE.formatted(command.newDueDate(), today));
        }
        apply(new PromiseRenegotiated(customerId, old.id, old.amount, old.paid(), old.dueDate, command.newPromiseId(),
                newAmount, command.newDueDate(), old.level + 1, !today.isAfter(old.dueDate), command.reason(),
                command.note(), today, clock.instant()));
        List<PromiseWarning> warnings = makePromise(new Terms(command.newPromiseId(), newAmount, today,
                command.newDueDate(), old.channel, old.inWriting, null, command.note(), old.planId, old.id,
                old.level + 1), rules, clock);
        return new PromiseAccepted(command.newPromiseId(), warnings);
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
        LocalDate today = rules.calendar().today(clock);
        if (!promise.windowHasClosed(today)) {
            throw Rejection.WINDOW_NOT_CLOSED.because(Refusals.WINDOW_OPEN.formatted(promise.id, promise.windowClosesOn));
        }
        apply(promise.judgedAtClose(customerId, clock.instant()));
    }

    @CommandHandler
    public void handle(SendReminder command, AccountRules rules, Clock clock) {
        Promise promise = promises.toChange(customerId, command.promiseId());
        LocalDate today = rules.calendar().today(clock);
        quietDays.requireOver(today);
        apply(new ReminderSent(customerId, promise.id, command.channel(), command.note(), today, promise.dueDate,
                today.plusDays(rules.quietDays()), clock.instant()));
    }

    @CommandHandler
    public PaymentAccepted handle(RecordPayment command, AccountRules rules, Clock clock) {
        PaymentRecorded earlier = ledger.find(command.paymentId());
        if (earlier != null) {
            return Repeats.answerAgainOrRefuse(PaymentLedger.sameDetails(earlier, command),
                    () -> PaymentLedger.answerTo(earlier),
                    () -> Rejection.DUPLICATE_PAYMENT_ID.because(Refusals.DUPLICATE_PAYMENT.formatted(command.paymentId())));
        }
        money().require(command.amount());
        Dates.requireNotAfterToday("payment date", command.paidOn(), rules.calendar().today(clock));
        Promise named = null;
        if (command.promiseId() != null) {
            named = promises.get(customerId, command.promiseId());
            PromiseBook.requireNotClosed(named);
        }
        var allocation = PaymentAllocation.allocate(command.amount(), named, promises.inOrderMade());
        apply(new PaymentRecorded(customerId, command.paymentId(), command.amount(), command.paidOn(), command.promiseId(),
                allocation.allocations(), allocation.unallocated(), ledger.credit().plus(allocation.unallocated()),
                clock.instant()));
        for (Allocation part : allocation.allocations()) {
            promises.keepIfPaidInFull(customerId, promises.find(part.promiseId()), clock.instant());
        }
        return new PaymentAccepted(command.paymentId(), allocation.allocations(), allocation.unallocated());
    }

    @CommandHandler
    public void handle(CloseFollowUp command, AccountRules rules, Clock clock) {
        Promise promise = promises.get(customerId, command.promiseId());
        if (promise.state != PromiseState.BROKEN || closedFollowUps.contains(promise.id)) {
            throw Rejection.FOLLOW_UP_NOT_OPEN.because(Refusals.NO_OPEN_FOLLOW_UP.formatted(promise.id,
                    PromiseBook.describe(promise.state),
                    closedFollowUps.contains(promise.id) ? " and its follow-up was already closed" : ""));
        }
        apply(new FollowUpClosed(customerId, promise.id, command.note(), rules.calendar().today(clock), clock.instant()));
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
            promises.keepIfPaidInFull(customerId, promise, clock.instant());
            promises.judgeIfWindowClosed(customerId, promise, today, clock.instant());
        }
    }

    /** What a new promise is made of, whichever command makes it. */
    private record Terms(String promiseId, Money amount, LocalDate madeOn, LocalDate dueDate,
                         Channel channel, boolean inWriting, String reference, String note,
                         String planId, String replaces, int level) {
    }

    /**
     * Weighs the promise (rules 5 and 6), applies any account credit to it, and judges it at once when it is
     * paid in full by that credit or its window has already closed (a backdated promise).
     */
    private List<PromiseWarning> makePromise(Terms terms, AccountRules rules, Clock clock) {
        List<PromiseWarning> warnings = PromiseWarnings.weigh(terms.amount(), terms.madeOn(), terms.dueDate(),
                terms.inWriting(), ledger.largestPayment(), reliability.score(), rules);
        Money creditApplied = ledger.credit().min(terms.amount());
        apply(new PromiseMade(customerId, terms.promiseId(), terms.amount(), terms.madeOn(), terms.dueDate(),
                rules.graceDays(), terms.dueDate().plusDays(rules.graceDays()), terms.channel(), terms.inWriting(),
                terms.reference(), terms.note(), terms.planId(), terms.replaces(), terms.level(), creditApplied, warnings,
                clock.instant()));
        Promise promise = promises.find(terms.promiseId());
        promises.keepIfPaidInFull(customerId, promise, clock.instant());
        promises.judgeIfWindowClosed(customerId, promise, rules.calendar().today(clock), clock.instant());
        return warnings;
    }

    private AccountMoney money() {
        return new AccountMoney(customerId, currency);
    }

    private CommandRejected duplicatePromiseId(String promiseId) {
        return Rejection.DUPLICATE_PROMISE_ID.because(Refusals.DUPLICATE_PROMISE.formatted(promiseId, customerId));
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        name = event.name();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(PromiseKept event) {
        reliability = reliability.apply(event);
    }

    @EventSourcingHandler
    void on(PromisePartiallyKept event) {
        reliability = reliability.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseBroken event) {
        reliability = reliability.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseRenegotiated event) {
        reliability = reliability.apply(event);
    }

    @EventSourcingHandler
    void on(FollowUpClosed event) {
        closedFollowUps.add(event.promiseId());
    }
}
