package com.promises.core.account;

import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.payment.RecordPayment;
import com.promises.core.payment.ReversalAccepted;
import com.promises.core.payment.ReversalAccepted.Rejudged;
import com.promises.core.payment.ReversalReason;
import com.promises.core.payment.ReversePayment;
import com.promises.core.promise.Channel;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.RejudgedBecause;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;

/**
 * DOMAIN.md rule 9: a reversed payment and a backdated one are new events; a promise whose judgement no longer
 * stands on the money is judged again at once, the earlier judgement staying in the history.
 */
class CorrectionsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);
    private static final LocalDate WINDOW = DUE.plusDays(3);
    private static final PromiseMade PROMISE = promiseMade("P-1", "1000", DUE);

    @Test
    void aBouncedPaymentIsTakenOffItsPromiseAndTheClosedWindowIsJudgedAgainBroken() {
        account().given(registered(), PROMISE, paid("PAY-1", "1000", DUE, "0", to("P-1", "1000")), keptOn(PROMISE, DUE))
                .when(new ReversePayment(CUSTOMER, "PAY-1", ReversalReason.BOUNCED, "cheque returned unpaid"))
                .expectEvents(
                        new PaymentReversed(CUSTOMER, "PAY-1", cny("1000"), DUE, ReversalReason.BOUNCED,
                                "cheque returned unpaid", List.of(to("P-1", "1000")), cny("0"), List.of(), cny("0"), TODAY, NOW),
                        new PromiseRejudged(CUSTOMER, "P-1", cny("1000"), cny("0"), null, DUE, WINDOW, PromiseState.KEPT,
                                PromiseState.BROKEN, null, false, RejudgedBecause.PAYMENT_REVERSED, "PAY-1", NOW))
                .expectResultMessagePayload(new ReversalAccepted("PAY-1", List.of(new Rejudged("P-1", PromiseState.BROKEN))));
    }

    @Test
    void whatRemainsAfterAReversalIsJudgedPartiallyKept() {
        account().given(registered(), PROMISE, paid("PAY-1", "600", DUE, "0", to("P-1", "600")),
                        paid("PAY-2", "400", DUE, "0", to("P-1", "400")), keptOn(PROMISE, DUE))
                .when(new ReversePayment(CUSTOMER, "PAY-2", ReversalReason.RECORDED_IN_ERROR, null))
                .expectEvents(
                        new PaymentReversed(CUSTOMER, "PAY-2", cny("400"), DUE, ReversalReason.RECORDED_IN_ERROR, null,
                                List.of(to("P-1", "400")), cny("0"), List.of(), cny("0"), TODAY, NOW),
                        new PromiseRejudged(CUSTOMER, "P-1", cny("1000"), cny("600"), new BigDecimal("0.6000"), DUE, WINDOW,
                                PromiseState.KEPT, PromiseState.PARTIALLY_KEPT, null, false, RejudgedBecause.PAYMENT_REVERSED,
                                "PAY-2", NOW));
    }

    @Test
    void aPromiseKeptBeforeItsWindowClosedWaitsForItAgainWhenItsPaymentIsReversed() {
        PromiseMade later = promiseMade("P-2", "500", TODAY.plusDays(10));
        account().given(registered(), later, paid("PAY-1", "500", TODAY, "0", to("P-2", "500")), keptOn(later, TODAY))
                .when(new ReversePayment(CUSTOMER, "PAY-1", ReversalReason.CHARGEBACK, null))
                .expectEvents(
                        new PaymentReversed(CUSTOMER, "PAY-1", cny("500"), TODAY, ReversalReason.CHARGEBACK, null,
                                List.of(to("P-2", "500")), cny("0"), List.of(), cny("0"), TODAY, NOW),
                        new PromiseRejudged(CUSTOMER, "P-2", cny("500"), cny("0"), null, TODAY.plusDays(10), TODAY.plusDays(13),
                                PromiseState.KEPT, PromiseState.OPEN, null, false, RejudgedBecause.PAYMENT_REVERSED, "PAY-1", NOW))
                .expectResultMessagePayload(new ReversalAccepted("PAY-1", List.of(new Rejudged("P-2", PromiseState.OPEN))));
    }

    @Test
    void theCreditAReversedPaymentLeftComesBackFromTheAccountAndFromPromisesThatReceivedIt() {
        // PAY-1 of 1500 paid P-1 (1000) and left 500 of credit; P-2 (300) then took 300 of it and was kept at once
        PromiseMade second = new PromiseMade(CUSTOMER, "P-2", cny("300"), TODAY, TODAY.plusDays(10), 3, TODAY.plusDays(13),
                Channel.PHONE, false, null, null, null, null, 1, cny("300"), List.of(), EARLIER);
        PromiseKept secondKept = new PromiseKept(CUSTOMER, "P-2", cny("300"), cny("300"), TODAY.plusDays(10),
                TODAY.plusDays(13), TODAY, true, ValuedBy.SYSTEM, EARLIER);
        account().given(registered(), PROMISE, paid("PAY-1", "1500", DUE, "500", to("P-1", "1000")), keptOn(PROMISE, DUE),
                        second, secondKept)
                .when(new ReversePayment(CUSTOMER, "PAY-1", ReversalReason.BOUNCED, null))
                .expectEvents(
                        new PaymentReversed(CUSTOMER, "PAY-1", cny("1500"), DUE, ReversalReason.BOUNCED, null,
                                List.of(to("P-1", "1000")), cny("200"), List.of(to("P-2", "300")), cny("0"), TODAY, NOW),
                        new PromiseRejudged(CUSTOMER, "P-1", cny("1000"), cny("0"), null, DUE, WINDOW, PromiseState.KEPT,
                                PromiseState.BROKEN, null, false, RejudgedBecause.PAYMENT_REVERSED, "PAY-1", NOW),
                        new PromiseRejudged(CUSTOMER, "P-2", cny("300"), cny("0"), null, TODAY.plusDays(10), TODAY.plusDays(13),
                                PromiseState.KEPT, PromiseState.OPEN, null, false, RejudgedBecause.PAYMENT_REVERSED, "PAY-1", NOW));
    }

    @Test
    void aReversalThatLeavesTheJudgementStandingJudgesNothingAgain() {
        account().given(registered(), PROMISE, paid("PAY-1", "1000", DUE, "0", to("P-1", "1000")), keptOn(PROMISE, DUE),
                        paid("PAY-2", "200", TODAY, "200"))
                .when(new ReversePayment(CUSTOMER, "PAY-2", ReversalReason.RECORDED_IN_ERROR, null))
                .expectEvents(new PaymentReversed(CUSTOMER, "PAY-2", cny("200"), TODAY, ReversalReason.RECORDED_IN_ERROR,
                        null, List.of(), cny("200"), List.of(), cny("0"), TODAY, NOW))
                .expectResultMessagePayload(new ReversalAccepted("PAY-2", List.of()));
    }

    @Test
    void reversingAPaymentTwiceIsRefused() {
        var reversed = new PaymentReversed(CUSTOMER, "PAY-1", cny("200"), TODAY, ReversalReason.BOUNCED, null, List.of(),
                cny("200"), List.of(), cny("0"), TODAY, EARLIER);
        account().given(registered(), paid("PAY-1", "200", TODAY, "200"), reversed)
                .when(new ReversePayment(CUSTOMER, "PAY-1", ReversalReason.BOUNCED, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PAYMENT_ALREADY_REVERSED, Refusals.ALREADY_REVERSED.formatted("PAY-1", TODAY)));
    }

    @Test
    void reversingAnUnknownPaymentIsRefused() {
        account().given(registered())
                .when(new ReversePayment(CUSTOMER, "PAY-404", ReversalReason.BOUNCED, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PAYMENT_NOT_FOUND, Refusals.UNKNOWN_PAYMENT.formatted(CUSTOMER, "PAY-404")));
    }

    @Test
    void aReversalNeedsAReason() {
        account().given(registered(), paid("PAY-1", "200", TODAY, "200"))
                .when(new ReversePayment(CUSTOMER, "PAY-1", null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_REASON));
    }

    @Test
    void aBackdatedPaymentInsideAClosedWindowJudgesTheBrokenPromiseAgain() {
        LocalDate insideTheWindow = DUE.plusDays(2);
        account().given(registered(), PROMISE, brokenByTheClock(PROMISE))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("1000"), insideTheWindow, null))
                .expectEvents(
                        new PaymentRecorded(CUSTOMER, "PAY-1", cny("1000"), insideTheWindow, null, List.of(to("P-1", "1000")),
                                cny("0"), cny("0"), NOW),
                        new PromiseRejudged(CUSTOMER, "P-1", cny("1000"), cny("1000"), null, DUE, WINDOW, PromiseState.BROKEN,
                                PromiseState.KEPT, insideTheWindow, false, RejudgedBecause.BACKDATED_PAYMENT, "PAY-1", NOW));
    }

    @Test
    void aBackdatedPartOfThePromiseMakesItPartiallyKept() {
        account().given(registered(), PROMISE, brokenByTheClock(PROMISE))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("250"), DUE, "P-1"))
                .expectEvents(
                        new PaymentRecorded(CUSTOMER, "PAY-1", cny("250"), DUE, "P-1", List.of(to("P-1", "250")),
                                cny("0"), cny("0"), NOW),
                        new PromiseRejudged(CUSTOMER, "P-1", cny("1000"), cny("250"), new BigDecimal("0.2500"), DUE, WINDOW,
                                PromiseState.BROKEN, PromiseState.PARTIALLY_KEPT, null, false,
                                RejudgedBecause.BACKDATED_PAYMENT, "PAY-1", NOW));
    }
}
