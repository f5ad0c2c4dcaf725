package com.promises.core.account;

import com.promises.core.money.Money;
import com.promises.core.promise.Channel;
import com.promises.core.promise.InstallmentPlanMade;
import com.promises.core.promise.MakeInstallmentPlan;
import com.promises.core.promise.MakeInstallmentPlan.Installment;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PlanAccepted;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.PromiseWarning;
import com.promises.core.promise.RenegotiatePromise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The three ways a promise is made (by itself, as an installment, in place of a renegotiated one), decided over the
 * account's promises and money.
 */
final class PromiseMaking {

    private final String customerId;
    private final AccountMoney money;
    private final PromiseBook promises;
    private final PaymentLedger ledger;
    private final RunningScore score;
    private final AccountRules rules;
    private final Clock clock;

    PromiseMaking(AccountMoney money, PromiseBook promises, PaymentLedger ledger, RunningScore score, AccountRules rules,
                  Clock clock) {
        this.customerId = money.customerId();
        this.money = money;
        this.promises = promises;
        this.ledger = ledger;
        this.score = score;
        this.rules = rules;
        this.clock = clock;
    }

    PromiseAccepted make(MakePromise command) {
        Promise existing = promises.find(command.promiseId());
        if (existing != null) {
            return Repeats.answerAgainOrRefuse(existing.wasMadeBy(command), existing::accepted,
                    () -> duplicatePromiseId(command.promiseId()));
        }
        LocalDate today = rules.calendar().today(clock);
        LocalDate madeOn = command.madeOn() == null ? today : command.madeOn();
        money.require(command.amount());
        Dates.requireNotAfterToday("date the promise was made", madeOn, today);
        Dates.require("due date", command.dueDate());
        if (command.dueDate().isBefore(madeOn)) {
            throw Rejection.INVALID_DATE.because(Refusals.DUE_BEFORE_MADE.formatted(command.dueDate(), madeOn));
        }
        List<PromiseWarning> warnings = makePromise(new Terms(command.promiseId(), command.amount(), madeOn,
                command.dueDate(), command.channel(), command.inWriting(), command.reference(), command.note(),
                null, null, 1));
        return new PromiseAccepted(command.promiseId(), warnings);
    }

    PlanAccepted plan(MakeInstallmentPlan command, InstallmentPlans plans) {
        InstallmentPlanMade existing = plans.find(command.planId());
        if (existing != null) {
            return Repeats.answerAgainOrRefuse(InstallmentPlans.sameInstallments(existing, command),
                    () -> InstallmentPlans.answerTo(existing),
                    () -> Rejection.DUPLICATE_PLAN_ID.because(Refusals.DUPLICATE_PLAN.formatted(command.planId())));
        }
        LocalDate today = rules.calendar().today(clock);
        Money total = InstallmentPlans.checkedTotal(command, money, promises, today);
        List<Installment> installments = InstallmentPlans.installmentsOf(command);
        apply(new InstallmentPlanMade(customerId, command.planId(), total, command.channel(), command.inWriting(),
                command.note(), today, installments, clock.instant()));
        for (Installment installment : installments) {
            makePromise(new Terms(installment.promiseId(), installment.amount(), today, installment.dueDate(),
                    command.channel(), command.inWriting(), null, null, command.planId(), null, 1));
        }
        return new PlanAccepted(command.planId(), installments.stream().map(Installment::promiseId).toList());
    }

    PromiseAccepted renegotiate(RenegotiatePromise command) {
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
        money.require(newAmount);
        Dates.require("new due date", command.newDueDate());
        if (command.newDueDate().isBefore(today)) {
            throw Rejection.INVALID_DATE.because(Refusals.DUE_BEFORE_MADE.formatted(command.newDueDate(), today));
        }
        apply(new PromiseRenegotiated(customerId, old.id, old.amount, old.paid(), old.dueDate, command.newPromiseId(),
                newAmount, command.newDueDate(), old.level + 1, !today.isAfter(old.dueDate), command.reason(),
                command.note(), today, clock.instant()));
        List<PromiseWarning> warnings = makePromise(new Terms(command.newPromiseId(), newAmount, today,
                command.newDueDate(), old.channel, old.inWriting, null, command.note(), old.planId, old.id,
                old.level + 1));
        return new PromiseAccepted(command.newPromiseId(), warnings);
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
    private List<PromiseWarning> makePromise(Terms terms) {
        List<PromiseWarning> warnings = PromiseWarnings.weigh(terms.amount(), terms.madeOn(), terms.dueDate(),
                terms.inWriting(), ledger.largestPayment(), score.score(), rules);
        Money creditApplied = ledger.credit().min(terms.amount());
        apply(new PromiseMade(customerId, terms.promiseId(), terms.amount(), terms.madeOn(), terms.dueDate(),
                rules.graceDays(), terms.dueDate().plusDays(rules.graceDays()), terms.channel(), terms.inWriting(),
                terms.reference(), terms.note(), terms.planId(), terms.replaces(), terms.level(), creditApplied, warnings,
                clock.instant()));
        Promise promise = promises.find(terms.promiseId());
        Judgements judgements = new Judgements(customerId, promises, clock.instant());
        judgements.keepIfPaidInFull(promise);
        judgements.judgeIfWindowClosed(promise, rules.calendar().today(clock));
        return warnings;
    }

    private CommandRejected duplicatePromiseId(String promiseId) {
        return Rejection.DUPLICATE_PROMISE_ID.because(Refusals.DUPLICATE_PROMISE.formatted(promiseId, customerId));
    }
}
