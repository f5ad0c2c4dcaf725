package com.promises.core.account;

import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.MakeOurCommitment;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.money.Money;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakeInstallmentPlan;
import com.promises.core.promise.MakeInstallmentPlan.Installment;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;

/**
 * Commands sent again are answered again without recording anything, and the checks a plan's installments and a
 * dispute's resolution go through each refuse or decide something of their own.
 */
class RepeatsAndGuardsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);

    @Test
    void aRenegotiationSentAgainIsAnsweredAgainWithoutAnotherPromise() {
        var renegotiate = new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", TODAY.plusDays(10), null, null, null);
        account().given(registered(), promiseMade("P-1", "1000", TODAY.plusDays(2)))
                .andGivenCommands(renegotiate)
                .when(renegotiate)
                .expectNoEvents()
                .expectResultMessagePayload(new PromiseAccepted("P-1b", List.of()));
    }

    @Test
    void aRenegotiationToAnAgreedAmountSentAgainIsAnsweredAgainAndWithAnotherAmountRefused() {
        var renegotiate = new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", TODAY.plusDays(10), cny("600"), null, null);
        account().given(registered(), promiseMade("P-1", "1000", TODAY.plusDays(2)))
                .andGivenCommands(renegotiate)
                .when(renegotiate)
                .expectNoEvents()
                .expectResultMessagePayload(new PromiseAccepted("P-1b", List.of()));
        account().given(registered(), promiseMade("P-1", "1000", TODAY.plusDays(2)))
                .andGivenCommands(renegotiate)
                .when(new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", TODAY.plusDays(10), cny("700"), null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_CLOSED));
    }

    @Test
    void aRenegotiationSentAgainWithAnotherDateIsRefusedAsAChangeOfARenegotiatedPromise() {
        account().given(registered(), promiseMade("P-1", "1000", TODAY.plusDays(2)))
                .andGivenCommands(new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", TODAY.plusDays(10), null, null, null))
                .when(new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", TODAY.plusDays(11), null, null, null))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void aPromiseSentAgainWithItsDateIsAnsweredAgainAndWithAnotherDateRefused() {
        var made = new MakePromise(CUSTOMER, "P-1", cny("500"), TODAY.plusDays(5), MADE_ON, Channel.PHONE, false, null, null);
        account().given(registered()).andGivenCommands(made)
                .when(made)
                .expectNoEvents()
                .expectResultMessagePayload(new PromiseAccepted("P-1", List.of()));
        account().given(registered()).andGivenCommands(made)
                .when(new MakePromise(CUSTOMER, "P-1", cny("500"), TODAY.plusDays(5), MADE_ON.plusDays(1), Channel.PHONE,
                        false, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.DUPLICATE_PROMISE_ID));
    }

    @Test
    void aPlanInAnotherCurrencyIsRefused() {
        account().given(registered())
                .when(plan("EUR", new Installment("I-1", TODAY.plusDays(5), cny("100")),
                        new Installment("I-2", TODAY.plusDays(10), cny("100"))))
                .expectNoEvents()
                .expectException(rejected(Rejection.CURRENCY_MISMATCH));
    }

    @Test
    void anInstallmentWithoutAnAmountOrInAnotherCurrencyIsRefused() {
        account().given(registered())
                .when(plan("CNY", new Installment("I-1", TODAY.plusDays(5), cny("100")),
                        new Installment("I-2", TODAY.plusDays(10), null)))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_AMOUNT));
        account().given(registered())
                .when(plan("CNY", new Installment("I-1", TODAY.plusDays(5), Money.of("100", "EUR")),
                        new Installment("I-2", TODAY.plusDays(10), cny("100"))))
                .expectNoEvents()
                .expectException(rejected(Rejection.CURRENCY_MISMATCH));
    }

    @Test
    void anInstallmentWithoutADueDateIsRefused() {
        account().given(registered())
                .when(plan("CNY", new Installment("I-1", TODAY.plusDays(5), cny("100")),
                        new Installment("I-2", null, cny("100"))))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_DATE));
    }

    @Test
    void aRejectedDisputeOverAPromisePaidInFullMeanwhileKeepsIt() {
        var disputed = new DisputeOpened(CUSTOMER, "P-1", cny("1000"), DUE, Reason.GOODS_NOT_RECEIVED, null,
                LocalDate.of(2026, 6, 6), EARLIER);
        LocalDate paidOn = LocalDate.of(2026, 6, 6);
        LocalDate movedDue = LocalDate.of(2026, 6, 14);
        LocalDate movedWindow = LocalDate.of(2026, 6, 17);
        account().given(registered(), promiseMade("P-1", "1000", DUE), disputed,
                        paid("PAY-1", "1000", paidOn, "0", to("P-1", "1000")))
                .when(new ResolveDispute(CUSTOMER, "P-1", false, "delivery note signed"))
                .expectEvents(new DisputeResolved(CUSTOMER, "P-1", false, "delivery note signed", TODAY, 9, movedDue,
                                movedWindow, NOW),
                        new PromiseKept(CUSTOMER, "P-1", cny("1000"), cny("1000"), movedDue, movedWindow, paidOn, true,
                                ValuedBy.SYSTEM, NOW));
    }

    @Test
    void anUpheldDisputeOverAPromisePaidInFullMeanwhileJudgesNothing() {
        var disputed = new DisputeOpened(CUSTOMER, "P-1", cny("1000"), DUE, Reason.GOODS_NOT_RECEIVED, null,
                LocalDate.of(2026, 6, 6), EARLIER);
        account().given(registered(), promiseMade("P-1", "1000", DUE), disputed,
                        paid("PAY-1", "1000", LocalDate.of(2026, 6, 6), "0", to("P-1", "1000")))
                .when(new ResolveDispute(CUSTOMER, "P-1", true, null))
                .expectEvents(new DisputeResolved(CUSTOMER, "P-1", true, null, TODAY, 9, LocalDate.of(2026, 6, 14),
                        LocalDate.of(2026, 6, 17), NOW));
    }

    @Test
    void aPromiseOrACommitmentOfOursWithoutADueDateIsRefused() {
        account().given(registered())
                .when(new MakePromise(CUSTOMER, "P-1", cny("500"), null, null, Channel.PHONE, false, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_DATE));
        account().given(registered())
                .when(new MakeOurCommitment(CUSTOMER, "C-1", CommitmentKind.VISIT, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_DATE));
    }

    private static MakeInstallmentPlan plan(String currency, Installment... installments) {
        return new MakeInstallmentPlan(CUSTOMER, "PLAN-1", currency, Channel.VISIT, true, null, List.of(installments));
    }
}
