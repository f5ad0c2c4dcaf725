package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.money.Money;
import com.promises.core.promise.InstallmentPlanMade;
import com.promises.core.promise.MakeInstallmentPlan;
import com.promises.core.promise.MakeInstallmentPlan.Installment;
import com.promises.core.promise.PlanAccepted;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The installment plans agreed with the customer (seed 001), by plan id, and what makes a plan acceptable. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class InstallmentPlans {

    static final int MIN_INSTALLMENTS = 2;
    static final int MAX_INSTALLMENTS = 60;

    private final Map<String, InstallmentPlanMade> plans = new LinkedHashMap<>();

    /** The plan agreed under this id, or null. */
    InstallmentPlanMade find(String planId) {
        return plans.get(planId);
    }

    static boolean sameInstallments(InstallmentPlanMade plan, MakeInstallmentPlan command) {
        return plan.installments().equals(command.installments()) && plan.channel() == command.channel()
                && plan.inWriting() == command.inWriting();
    }

    static PlanAccepted answerTo(InstallmentPlanMade plan) {
        return new PlanAccepted(plan.planId(), plan.installments().stream().map(Installment::promiseId).toList());
    }

    /**
     * The plan's installments checked: 2 to 60 of them, each a positive amount of the account's money
     * under a new promise id, due from today on, due dates strictly increasing.
     *
     * @return the plan's total
     */
    static Money checkedTotal(MakeInstallmentPlan plan, AccountMoney money, PromiseBook promises, LocalDate today) {
        List<Installment> installments = installmentsOf(plan);
        if (installments.size() < MIN_INSTALLMENTS || installments.size() > MAX_INSTALLMENTS) {
            throw Rejection.INVALID_PLAN.because(Refusals.PLAN_SIZE.formatted(installments.size()));
        }
        money.requireCurrency(plan.currency());
        Money total = Money.zero(money.currency());
        LocalDate previousDue = null;
        Set<String> ids = new HashSet<>();
        for (Installment installment : installments) {
            money.require(installment.amount());
            Dates.require("due date", installment.dueDate());
            if (promises.contains(installment.promiseId()) || !ids.add(installment.promiseId())) {
                throw Rejection.DUPLICATE_PROMISE_ID.because(Refusals.DUPLICATE_PROMISE.formatted(installment.promiseId(), money.customerId()));
            }
            if (installment.dueDate().isBefore(today)) {
                throw Rejection.INVALID_DATE.because(Refusals.DUE_BEFORE_MADE.formatted(installment.dueDate(), today));
            }
            if (previousDue != null && !installment.dueDate().isAfter(previousDue)) {
                throw Rejection.INVALID_PLAN.because(Refusals.PLAN_ORDER.formatted(installment.dueDate(), previousDue));
            }
            previousDue = installment.dueDate();
            total = total.plus(installment.amount());
        }
        return total;
    }

    static List<Installment> installmentsOf(MakeInstallmentPlan plan) {
        return plan.installments() == null ? List.of() : plan.installments();
    }

    @EventSourcingHandler
    void on(InstallmentPlanMade event) {
        plans.put(event.planId(), event);
    }
}
