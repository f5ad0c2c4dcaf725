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
import com.promises.core.promise.Faith;
import com.promises.core.promise.InstallmentPlanMade;
import com.promises.core.promise.MakeInstallmentPlan;
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
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer who owes money, with every promise they made inside: the consistency boundary,
 * because payments allocate across a customer's promises and quiet days span all of them, and one
 * event stream is what an auditor replays. Command handlers decide; event sourcing handlers only assign.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CustomerAccount {

    static final String CONFLICTING_REGISTRATION = "Customer %s is already registered as '%s' in %s";
    static final String CURRENCY_MISMATCH = "The account of customer %s is kept in %s, not %s";
    static final String NOT_POSITIVE = "The amount must be greater than zero, not %s";
    static final String UNKNOWN_PROMISE = "Customer %s has no promise %s";
    static final String ALREADY_VALUED = "Promise %s was already judged %s";
    static final String CLOSED = "Promise %s is closed: it was %s";
    static final String DISPUTED = "Promise %s is disputed since %s; resolve the dispute first";
    static final String NOT_DISPUTED = "Promise %s is not disputed";
    static final String QUIET_DAYS = "A reminder was sent on %s; the next one is allowed from %s";
    static final String WINDOW_OPEN = "The window of promise %s is open until the end of %s";
    static final String DUE_BEFORE_MADE = "The due date %s is before the day the promise was made, %s";
    static final String IN_THE_FUTURE = "The %s %s is after today, %s";
    static final String DUPLICATE_PROMISE = "Promise id %s is already used by another promise of customer %s";
    static final String DUPLICATE_PAYMENT = "Payment id %s was already recorded with other details";
    static final String DUPLICATE_PLAN = "Plan id %s was already used for another plan";
    static final String PLAN_SIZE = "An installment plan has 2 to 60 installments, not %d";
    static final String PLAN_ORDER = "Installment due dates must strictly increase: %s does not come after %s";
    static final String REASON_REQUIRED = "A reason is required";
    static final String NO_OPEN_FOLLOW_UP = "Promise %s has no open follow-up: it is %s%s";

    @AggregateIdentifier
    private String customerId;
    private String name;
    private String currency;
    private final Map<String, Promise> promises = new LinkedHashMap<>();
    private final Map<String, PaymentRecorded> payments = new LinkedHashMap<>();
    private final Map<String, InstallmentPlanMade> plans = new LinkedHashMap<>();
    private final Set<String> closedFollowUps = new HashSet<>();
    private Money credit;
    private BigDecimal largestPayment = BigDecimal.ZERO;
    private LocalDate nextReminderAllowedOn;
    private LocalDate lastReminderOn;
    /** The v1 reliability as it stands, to weigh new promises (rule 5); the read models keep their own. */
    private WeightedScoreCard reliability = ReliabilityPolicies.V1.start();

    protected CustomerAccount() {
        // for Axon and for snapshots
    }

    // ---- registering -------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Registration handle(RegisterCustomer command, Clock clock) {
        if (customerId != null) {
            if (Objects.equals(name, command.name()) && Objects.equals(currency, command.currency())) {
                return Registration.UNCHANGED;
            }
            throw Rejection.CUSTOMER_ALREADY_REGISTERED.because(
                    CONFLICTING_REGISTRATION.formatted(customerId, name, currency));
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

    // ---- promises ----------------------------------------------------------------------------

    @CommandHandler
    public PromiseAccepted handle(MakePromise command, AccountRules rules, Clock clock) {
        Promise existing = promises.get(command.promiseId());
        if (existing != null) {
            if (existing.wasMadeBy(command)) {
                return new PromiseAccepted(existing.id, List.copyOf(existing.warnings));
            }
            throw Rejection.DUPLICATE_PROMISE_ID.because(DUPLICATE_PROMISE.formatted(command.promiseId(), customerId));
        }
        LocalDate today = today(rules, clock);
        LocalDate madeOn = command.madeOn() == null ? today : command.madeOn();
        requireAccountMoney(command.amount());
        requireNotAfterToday("date the promise was made", madeOn, today);
        requireDate("due date", command.dueDate());
        if (command.dueDate().isBefore(madeOn)) {
            throw Rejection.INVALID_DATE.because(DUE_BEFORE_MADE.formatted(command.dueDate(), madeOn));
        }
        List<PromiseWarning> warnings = makePromise(command.promiseId(), command.amount(), madeOn, command.dueDate(),
                command.channel(), command.inWriting(), command.reference(), command.note(), null, null, 1,
                rules, clock);
        return new PromiseAccepted(command.promiseId(), warnings);
    }

    @CommandHandler
    public PlanAccepted handle(MakeInstallmentPlan command, AccountRules rules, Clock clock) {
        InstallmentPlanMade existing = plans.get(command.planId());
        if (existing != null) {
            if (sameInstallments(existing, command)) {
                return new PlanAccepted(existing.planId(),
                        existing.installments().stream().map(MakeInstallmentPlan.Installment::promiseId).toList());
            }
            throw Rejection.DUPLICATE_PLAN_ID.because(DUPLICATE_PLAN.formatted(command.planId()));
        }
        List<MakeInstallmentPlan.Installment> installments = command.installments() == null ? List.of() : command.installments();
        if (installments.size() < 2 || installments.size() > 60) {
            throw Rejection.INVALID_PLAN.because(PLAN_SIZE.formatted(installments.size()));
        }
        if (command.currency() != null && !command.currency().equals(currency)) {
            throw Rejection.CURRENCY_MISMATCH.because(CURRENCY_MISMATCH.formatted(customerId, currency, command.currency()));
        }
        LocalDate today = today(rules, clock);
        Money total = Money.zero(currency);
        LocalDate previousDue = null;
        var ids = new java.util.HashSet<String>();
        for (var installment : installments) {
            requireAccountMoney(installment.amount());
            requireDate("due date", installment.dueDate());
            if (promises.containsKey(installment.promiseId()) || !ids.add(installment.promiseId())) {
                throw Rejection.DUPLICATE_PROMISE_ID.because(DUPLICATE_PROMISE.formatted(installment.promiseId(), customerId));
            }
            if (installment.dueDate().isBefore(today)) {
                throw Rejection.INVALID_DATE.because(DUE_BEFORE_MADE.formatted(installment.dueDate(), today));
            }
            if (previousDue != null && !installment.dueDate().isAfter(previousDue)) {
                throw Rejection.INVALID_PLAN.because(PLAN_ORDER.formatted(installment.dueDate(), previousDue));
            }
            previousDue = installment.dueDate();
            total = total.plus(installment.amount());
        }
        apply(new InstallmentPlanMade(customerId, command.planId(), total, command.channel(), command.inWriting(),
                command.note(), today, installments, clock.instant()));
        for (var installment : installments) {
            makePromise(installment.promiseId(), installment.amount(), today, installment.dueDate(), command.channel(),
                    command.inWriting(), null, null, command.planId(), null, 1, rules, clock);
        }
        return new PlanAccepted(command.planId(), installments.stream().map(MakeInstallmentPlan.Installment::promiseId).toList());
    }

    @CommandHandler
    public void handle(RecordBrokenPromise command, AccountRules rules, Clock clock) {
        Promise promise = promiseToChange(command.promiseId());
        if (command.reason() == null) {
            throw Rejection.INVALID_REASON.because(REASON_REQUIRED);
        }
        apply(new PromiseBroken(customerId, promise.id, promise.amount, promise.paid(), promise.dueDate,
                promise.windowClosesOn, command.reason(), command.reason().faith(), command.note(),
                ValuedBy.COLLECTOR, clock.instant()));
    }

    @CommandHandler
    public PromiseAccepted handle(RenegotiatePromise command, AccountRules rules, Clock clock) {
        Promise old = promise(command.promiseId());
        if (old.state == PromiseState.RENEGOTIATED && Objects.equals(old.replacedBy, command.newPromiseId())
                && command.newDueDate() != null) {
            Promise replacement = promises.get(old.replacedBy);
            boolean same = command.newDueDate().equals(replacement.dueDate)
                    && (command.newAmount() == null || command.newAmount().equals(replacement.amount));
            if (same) {
                return new PromiseAccepted(replacement.id, List.copyOf(replacement.warnings));
            }
        }
        requireChangeable(old);
        if (promises.containsKey(command.newPromiseId())) {
            throw Rejection.DUPLICATE_PROMISE_ID.because(DUPLICATE_PROMISE.formatted(command.newPromiseId(), customerId));
        }
        LocalDate today = today(rules, clock);
        Money newAmount = command.newAmount() == null ? old.unpaid() : command.newAmount();
        requireAccountMoney(newAmount);
        requireDate("new due date", command.newDueDate());
        if (command.newDueDate().isBefore(today)) {
            throw Rejection.INVALID_DATE.because(DUE_BEFORE_MADE.formatted(command.newDueDate(), today));
        }
        apply(new PromiseRenegotiated(customerId, old.id, old.amount, old.paid(), old.dueDate, command.newPromiseId(),
                newAmount, command.newDueDate(), old.level + 1, !today.isAfter(old.dueDate), command.reason(),
                command.note(), today, clock.instant()));
        List<PromiseWarning> warnings = makePromise(command.newPromiseId(), newAmount, today, command.newDueDate(),
                old.channel, old.inWriting, null, command.note(), old.planId, old.id, old.level + 1, rules, clock);
        return new PromiseAccepted(command.newPromiseId(), warnings);
    }

    @CommandHandler
    public void handle(CancelPromise command, AccountRules rules, Clock clock) {
        Promise promise = promise(command.promiseId());
        if (promise.isJudged()) {
            throw Rejection.PROMISE_ALREADY_VALUED.because(ALREADY_VALUED.formatted(promise.id, describe(promise.state)));
        }
        if (promise.isClosed()) {
            throw Rejection.PROMISE_CLOSED.because(CLOSED.formatted(promise.id, describe(promise.state)));
        }
        apply(new PromiseCancelled(customerId, promise.id, promise.amount, promise.paid(), promise.dueDate,
                command.note(), today(rules, clock), clock.instant()));
    }

    /** The service's own judgement when a window closes; judging twice changes nothing. */
    @CommandHandler
    public void handle(ValuePromise command, AccountRules rules, Clock clock) {
        Promise promise = promise(command.promiseId());
        if (!promise.isOpen()) {
            return; // already judged, closed, or paused by a dispute
        }
        LocalDate today = today(rules, clock);
        if (!promise.windowHasClosed(today)) {
            throw Rejection.WINDOW_NOT_CLOSED.because(WINDOW_OPEN.formatted(promise.id, promise.windowClosesOn));
        }
        judgeClosedWindow(promise, clock);
    }

    // ---- reminders ---------------------------------------------------------------------------

    @CommandHandler
    public void handle(SendReminder command, AccountRules rules, Clock clock) {
        Promise promise = promiseToChange(command.promiseId());
        LocalDate today = today(rules, clock);
        if (isInQuietDays(today)) {
            throw Rejection.INSIDE_QUIET_DAYS.because(QUIET_DAYS.formatted(lastReminderOn, nextReminderAllowedOn));
        }
        apply(new ReminderSent(customerId, promise.id, command.channel(), command.note(), today, promise.dueDate,
                today.plusDays(rules.quietDays()), clock.instant()));
    }

    // ---- payments ----------------------------------------------------------------------------

    @CommandHandler
    public PaymentAccepted handle(RecordPayment command, AccountRules rules, Clock clock) {
        PaymentRecorded earlier = payments.get(command.paymentId());
        if (earlier != null) {
            boolean same = earlier.amount().equals(command.amount()) && earlier.paidOn().equals(command.paidOn())
                    && Objects.equals(earlier.namedPromiseId(), command.promiseId());
            if (same) {
                return new PaymentAccepted(earlier.paymentId(), earlier.allocations(), earlier.unallocated());
            }
            throw Rejection.DUPLICATE_PAYMENT_ID.because(DUPLICATE_PAYMENT.formatted(command.paymentId()));
        }
        requireAccountMoney(command.amount());
        LocalDate today = today(rules, clock);
        requireNotAfterToday("payment date", command.paidOn(), today);
        Promise named = null;
        if (command.promiseId() != null) {
            named = promise(command.promiseId());
            if (named.isClosed()) {
                throw Rejection.PROMISE_CLOSED.because(CLOSED.formatted(named.id, describe(named.state)));
            }
        }
        var allocation = PaymentAllocation.allocate(command.amount(), named, List.copyOf(promises.values()));
        apply(new PaymentRecorded(customerId, command.paymentId(), command.amount(), command.paidOn(), command.promiseId(),
                allocation.allocations(), allocation.unallocated(), credit.plus(allocation.unallocated()), clock.instant()));
        for (Allocation part : allocation.allocations()) {
            keepIfPaidInFull(promises.get(part.promiseId()), clock);
        }
        return new PaymentAccepted(command.paymentId(), allocation.allocations(), allocation.unallocated());
    }

    // ---- follow-ups -------------------------------------------------------------------------

    @CommandHandler
    public void handle(CloseFollowUp command, AccountRules rules, Clock clock) {
        Promise promise = promise(command.promiseId());
        if (promise.state != PromiseState.BROKEN || closedFollowUps.contains(promise.id)) {
            throw Rejection.FOLLOW_UP_NOT_OPEN.because(NO_OPEN_FOLLOW_UP.formatted(promise.id, describe(promise.state),
                    closedFollowUps.contains(promise.id) ? " and its follow-up was already closed" : ""));
        }
        apply(new FollowUpClosed(customerId, promise.id, command.note(), today(rules, clock), clock.instant()));
    }

    // ---- disputes ----------------------------------------------------------------------------

    @CommandHandler
    public void handle(OpenDispute command, AccountRules rules, Clock clock) {
        Promise promise = promiseToChange(command.promiseId());
        apply(new DisputeOpened(customerId, promise.id, promise.amount, promise.dueDate, command.reason(),
                command.note(), today(rules, clock), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveDispute command, AccountRules rules, Clock clock) {
        Promise promise = promise(command.promiseId());
        if (!promise.isDisputed()) {
            throw Rejection.PROMISE_NOT_DISPUTED.because(NOT_DISPUTED.formatted(promise.id));
        }
        LocalDate today = today(rules, clock);
        long paused = Math.max(0, ChronoUnit.DAYS.between(promise.disputedOn, today));
        apply(new DisputeResolved(customerId, promise.id, command.upheld(), command.note(), today, paused,
                promise.dueDate.plusDays(paused), promise.windowClosesOn.plusDays(paused), clock.instant()));
        if (!command.upheld()) {
            keepIfPaidInFull(promise, clock);
            if (promise.isOpen() && promise.windowHasClosed(today)) {
                judgeClosedWindow(promise, clock);
            }
        }
    }

    // ---- decisions shared by several commands ------------------------------------------------

    private List<PromiseWarning> makePromise(String promiseId, Money amount, LocalDate madeOn, LocalDate dueDate,
                                             Channel channel, boolean inWriting, String reference, String note,
                                             String planId, String replaces, int level, AccountRules rules, Clock clock) {
        List<PromiseWarning> warnings = PromiseWarnings.weigh(amount, madeOn, dueDate, inWriting, largestPayment,
                reliability.score(), rules);
        Money creditApplied = credit.min(amount);
        apply(new PromiseMade(customerId, promiseId, amount, madeOn, dueDate, rules.graceDays(),
                dueDate.plusDays(rules.graceDays()), channel, inWriting, reference, note, planId, replaces, level,
                creditApplied, warnings, clock.instant()));
        Promise promise = promises.get(promiseId);
        keepIfPaidInFull(promise, clock);
        if (promise.isOpen() && promise.windowHasClosed(today(rules, clock))) {
            judgeClosedWindow(promise, clock); // a backdated promise whose window already closed
        }
        return warnings;
    }

    /** DOMAIN.md rule 1: a promise paid in full inside its window is kept at once. */
    private void keepIfPaidInFull(Promise promise, Clock clock) {
        if (promise.isOpen() && promise.isPaidInFullInsideWindow()) {
            LocalDate paidInFullOn = promise.paidInFullOn();
            apply(new PromiseKept(customerId, promise.id, promise.amount, promise.paid(), promise.dueDate,
                    promise.windowClosesOn, paidInFullOn, !paidInFullOn.isAfter(promise.dueDate),
                    ValuedBy.SYSTEM, clock.instant()));
        }
    }

    /** DOMAIN.md rule 1 at the window's close: some payment is partially kept, none is broken. */
    private void judgeClosedWindow(Promise promise, Clock clock) {
        if (promise.isPaidInFullInsideWindow()) {
            keepIfPaidInFull(promise, clock);
        } else if (promise.paidInsideWindow().isPositive()) {
            apply(new PromisePartiallyKept(customerId, promise.id, promise.amount, promise.paidInsideWindow(),
                    promise.fractionPaidInsideWindow(), promise.dueDate, promise.windowClosesOn,
                    ValuedBy.SYSTEM, clock.instant()));
        } else {
            apply(new PromiseBroken(customerId, promise.id, promise.amount, promise.paid(), promise.dueDate,
                    promise.windowClosesOn, null, Faith.UNKNOWN, null, ValuedBy.SYSTEM, clock.instant()));
        }
    }

    private Promise promise(String promiseId) {
        Promise promise = promiseId == null ? null : promises.get(promiseId);
        if (promise == null) {
            throw Rejection.PROMISE_NOT_FOUND.because(UNKNOWN_PROMISE.formatted(customerId, promiseId));
        }
        return promise;
    }

    /** A promise that can still be broken, reminded, renegotiated or disputed: open, not paused. */
    private Promise promiseToChange(String promiseId) {
        Promise promise = promise(promiseId);
        requireChangeable(promise);
        return promise;
    }

    private void requireChangeable(Promise promise) {
        if (promise.isJudged()) {
            throw Rejection.PROMISE_ALREADY_VALUED.because(ALREADY_VALUED.formatted(promise.id, describe(promise.state)));
        }
        if (promise.isClosed()) {
            throw Rejection.PROMISE_CLOSED.because(CLOSED.formatted(promise.id, describe(promise.state)));
        }
        if (promise.isDisputed()) {
            throw Rejection.PROMISE_DISPUTED.because(DISPUTED.formatted(promise.id, promise.disputedOn));
        }
    }

    private void requireAccountMoney(Money amount) {
        if (amount == null) {
            throw Rejection.INVALID_AMOUNT.because("An amount is required");
        }
        if (!amount.currency().equals(currency)) {
            throw Rejection.CURRENCY_MISMATCH.because(CURRENCY_MISMATCH.formatted(customerId, currency, amount.currency()));
        }
        if (!amount.isPositive()) {
            throw Rejection.INVALID_AMOUNT.because(NOT_POSITIVE.formatted(amount));
        }
    }

    private static void requireDate(String what, LocalDate date) {
        if (date == null) {
            throw Rejection.INVALID_DATE.because("The " + what + " is required");
        }
    }

    private static void requireNotAfterToday(String what, LocalDate date, LocalDate today) {
        requireDate(what, date);
        if (date.isAfter(today)) {
            throw Rejection.INVALID_DATE.because(IN_THE_FUTURE.formatted(what, date, today));
        }
    }

    private boolean isInQuietDays(LocalDate today) {
        return nextReminderAllowedOn != null && today.isBefore(nextReminderAllowedOn);
    }

    private static boolean sameInstallments(InstallmentPlanMade plan, MakeInstallmentPlan command) {
        return plan.installments().equals(command.installments()) && plan.channel() == command.channel()
                && plan.inWriting() == command.inWriting();
    }

    private static LocalDate today(AccountRules rules, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), rules.zone());
    }

    private static String describe(PromiseState state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    // ---- state -------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        name = event.name();
        currency = event.currency();
        credit = Money.zero(currency);
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
            credit = credit.minus(event.creditApplied());
        }
        promises.put(promise.id, promise);
    }

    @EventSourcingHandler
    void on(InstallmentPlanMade event) {
        plans.put(event.planId(), event);
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        payments.put(event.paymentId(), event);
        for (Allocation part : event.allocations()) {
            promises.get(part.promiseId()).receipts.add(new Promise.Receipt(event.paidOn(), part.amount().amount()));
        }
        credit = credit.plus(event.unallocated());
        largestPayment = largestPayment.max(event.amount().amount());
    }

    @EventSourcingHandler
    void on(PromiseKept event) {
        promises.get(event.promiseId()).state = PromiseState.KEPT;
        reliability = reliability.apply(event);
    }

    @EventSourcingHandler
    void on(PromisePartiallyKept event) {
        promises.get(event.promiseId()).state = PromiseState.PARTIALLY_KEPT;
        reliability = reliability.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseBroken event) {
        promises.get(event.promiseId()).state = PromiseState.BROKEN;
        reliability = reliability.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseRenegotiated event) {
        Promise promise = promises.get(event.promiseId());
        promise.state = PromiseState.RENEGOTIATED;
        promise.replacedBy = event.newPromiseId();
        reliability = reliability.apply(event);
    }

    @EventSourcingHandler
    void on(PromiseCancelled event) {
        promises.get(event.promiseId()).state = PromiseState.CANCELLED;
    }

    @EventSourcingHandler
    void on(FollowUpClosed event) {
        closedFollowUps.add(event.promiseId());
    }

    @EventSourcingHandler
    void on(ReminderSent event) {
        lastReminderOn = event.sentOn();
        nextReminderAllowedOn = event.nextAllowedOn();
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
        if (event.upheld()) {
            promise.state = PromiseState.CANCELLED; // withdrawn: it carries no weight
        } else {
            promise.state = PromiseState.OPEN;
            promise.dueDate = event.dueDate();
            promise.windowClosesOn = event.windowClosesOn();
        }
    }
}
