package com.promises.core.account;

import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.InstallmentPlanMade;
import com.promises.core.promise.MakeInstallmentPlan;
import com.promises.core.promise.MakeInstallmentPlan.Installment;
import com.promises.core.promise.PlanAccepted;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.Reason;
import com.promises.core.promise.ValuePromise;
import com.promises.core.promise.ValuedBy;
import com.promises.core.reminder.SendReminder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static com.promises.core.account.AccountFixtures.*;

class DisputesAndPlansTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);
    private static final DisputeOpened DISPUTED_ON_JUNE_6 =
            new DisputeOpened(CUSTOMER, "P-1", cny("1000"), DUE, Reason.GOODS_NOT_RECEIVED, null, LocalDate.of(2026, 6, 6), EARLIER);

    @Test
    void aDisputePausesThePromise() {
        account().given(registered(), promiseMade("P-1", "1000", LocalDate.of(2026, 6, 20)))
                .when(new OpenDispute(CUSTOMER, "P-1", Reason.QUALITY_DISPUTE, "half the batch damaged"))
                .expectEvents(new DisputeOpened(CUSTOMER, "P-1", cny("1000"), LocalDate.of(2026, 6, 20),
                        Reason.QUALITY_DISPUTE, "half the batch damaged", TODAY, NOW));
    }

    @Test
    void aDisputedPromiseIsNotReminded() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), DISPUTED_ON_JUNE_6)
                .when(new SendReminder(CUSTOMER, "P-1", Channel.PHONE, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_DISPUTED));
    }

    @Test
    void anUpheldDisputeWithdrawsThePromiseWithoutJudgingIt() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), DISPUTED_ON_JUNE_6)
                .when(new ResolveDispute(CUSTOMER, "P-1", true, "goods never shipped"))
                .expectEvents(new DisputeResolved(CUSTOMER, "P-1", true, "goods never shipped", TODAY, 9,
                        DUE.plusDays(9), DUE.plusDays(12), NOW));
    }

    @Test
    void aRejectedDisputeResumesThePromiseWithItsDatesMovedByThePause() {
        // paused from 6 to 15 June: 9 days; the window moves from 8 to 17 June, still open today
        account().given(registered(), promiseMade("P-1", "1000", DUE), DISPUTED_ON_JUNE_6)
                .when(new ResolveDispute(CUSTOMER, "P-1", false, "delivery note signed"))
                .expectEvents(new DisputeResolved(CUSTOMER, "P-1", false, "delivery note signed", TODAY, 9,
                        LocalDate.of(2026, 6, 14), LocalDate.of(2026, 6, 17), NOW));
    }

    @Test
    void aRejectedDisputeOpenedAfterTheWindowClosedBreaksThePromiseAtOnce() {
        // window closed on 8 June with nothing paid and not yet judged; disputed on 10 June, resolved today:
        // the pause of 5 days moves the window to 13 June, already past, so the promise is judged now
        var disputedAfterTheWindow = new DisputeOpened(CUSTOMER, "P-1", cny("1000"), DUE, Reason.GOODS_NOT_RECEIVED,
                null, LocalDate.of(2026, 6, 10), EARLIER);
        LocalDate movedDue = LocalDate.of(2026, 6, 10);
        LocalDate movedWindow = LocalDate.of(2026, 6, 13);
        account().given(registered(), promiseMade("P-1", "1000", DUE), disputedAfterTheWindow)
                .when(new ResolveDispute(CUSTOMER, "P-1", false, "delivery note signed"))
                .expectEvents(new DisputeResolved(CUSTOMER, "P-1", false, "delivery note signed", TODAY, 5, movedDue,
                                movedWindow, NOW),
                        new PromiseBroken(CUSTOMER, "P-1", cny("1000"), cny("0"), movedDue, movedWindow, null,
                                Faith.UNKNOWN, null, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void afterARejectedDisputeTheMovedWindowDecides() {
        var resolved = new DisputeResolved(CUSTOMER, "P-1", false, null, TODAY, 9, LocalDate.of(2026, 6, 14),
                LocalDate.of(2026, 6, 17), NOW);
        account().given(registered(), promiseMade("P-1", "1000", DUE), DISPUTED_ON_JUNE_6, resolved)
                .when(new ValuePromise(CUSTOMER, "P-1"))
                .expectNoEvents()
                .expectException(rejected(Rejection.WINDOW_NOT_CLOSED));
    }

    @Test
    void onlyADisputedPromiseCanBeResolved() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new ResolveDispute(CUSTOMER, "P-1", true, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_NOT_DISPUTED));
    }

    @Test
    void anInstallmentPlanIsOnePromisePerInstallmentLinkedToThePlan() {
        var installments = List.of(new Installment("I-1", LocalDate.of(2026, 6, 30), cny("2000")),
                new Installment("I-2", LocalDate.of(2026, 7, 10), cny("3000")));
        account().given(registered())
                .when(new MakeInstallmentPlan(CUSTOMER, "PLAN-1", "CNY", Channel.VISIT, true, "signed plan", installments))
                .expectEvents(
                        new InstallmentPlanMade(CUSTOMER, "PLAN-1", cny("5000"), Channel.VISIT, true, "signed plan", TODAY,
                                installments, NOW),
                        new PromiseMade(CUSTOMER, "I-1", cny("2000"), TODAY, LocalDate.of(2026, 6, 30), 3,
                                LocalDate.of(2026, 7, 3), Channel.VISIT, true, null, null, "PLAN-1", null, 1, cny("0"), List.of(), NOW),
                        new PromiseMade(CUSTOMER, "I-2", cny("3000"), TODAY, LocalDate.of(2026, 7, 10), 3,
                                LocalDate.of(2026, 7, 13), Channel.VISIT, true, null, null, "PLAN-1", null, 1, cny("0"), List.of(), NOW))
                .expectResultMessagePayload(new PlanAccepted("PLAN-1", List.of("I-1", "I-2")));
    }

    @Test
    void aPlanNeedsTwoToSixtyInstallments() {
        account().given(registered())
                .when(plan(1)).expectNoEvents()
                .expectException(rejected(Rejection.INVALID_PLAN, Refusals.PLAN_SIZE.formatted(1)));
        account().given(registered())
                .when(plan(61)).expectNoEvents()
                .expectException(rejected(Rejection.INVALID_PLAN, Refusals.PLAN_SIZE.formatted(61)));
        account().given(registered())
                .when(plan(60)).expectSuccessfulHandlerExecution();
    }

    @Test
    void installmentDueDatesMustStrictlyIncrease() {
        var installments = List.of(new Installment("I-1", LocalDate.of(2026, 7, 10), cny("2000")),
                new Installment("I-2", LocalDate.of(2026, 7, 10), cny("3000")));
        account().given(registered())
                .when(new MakeInstallmentPlan(CUSTOMER, "PLAN-1", "CNY", Channel.VISIT, true, null, installments))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_PLAN,
                        Refusals.PLAN_ORDER.formatted(LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 10))));
    }

    @Test
    void theSamePlanAgainGetsTheSameAnswerAndAnotherUnderItsIdIsRefused() {
        var installments = plan(2).installments();
        var made = new InstallmentPlanMade(CUSTOMER, "PLAN-1", cny("2"), Channel.VISIT, true, null, TODAY, installments, NOW);
        account().given(registered(), made)
                .when(plan(2)).expectNoEvents()
                .expectResultMessagePayload(new PlanAccepted("PLAN-1", List.of("I-0", "I-1")));
        account().given(registered(), made)
                .when(plan(3)).expectNoEvents()
                .expectException(rejected(Rejection.DUPLICATE_PLAN_ID));
    }

    private static MakeInstallmentPlan plan(int installments) {
        return new MakeInstallmentPlan(CUSTOMER, "PLAN-1", "CNY", Channel.VISIT, true, null,
                IntStream.range(0, installments)
                        .mapToObj(i -> new Installment("I-" + i, TODAY.plusDays(1 + i), cny("1")))
                        .toList());
    }
}
