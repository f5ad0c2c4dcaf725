package com.promises.core.account;

import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.RejudgedBecause;
import com.promises.core.promise.ValuedBy;
import com.promises.core.scoring.ReliabilityPolicies;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment side of a promise's window (DOMAIN.md rule 1): paid in full by the due date is kept on time (credit
 * 1.0), paid in full on any grace day up to the last is kept within grace (0.9), and money dated after the window
 * keeps nothing. Today is 15 June; grace is three days.
 */
class PaymentWindowEdgesTest {

    @Test
    void paidInFullExactlyOnTheDueDateIsKeptOnTimeForFullCredit() {
        PromiseMade promise = promiseMade("P-1", "700", TODAY);
        PromiseKept kept = new PromiseKept(CUSTOMER, "P-1", cny("700"), cny("700"), TODAY, TODAY.plusDays(3), TODAY,
                true, ValuedBy.SYSTEM, NOW);
        account().given(registered(), promise)
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("700"), TODAY, null))
                .expectEvents(paidInFull("PAY-1", "700", TODAY, "P-1"), kept)
                .expectResultMessagePayload(new PaymentAccepted("PAY-1", List.of(to("P-1", "700")), cny("0")));

        // 100 x (2 + 1.0) / (4 + 1)
        assertThat(ReliabilityPolicies.V1.scoreOf(List.of(kept)).score()).isEqualByComparingTo("60.0");
    }

    @Test
    void paidInFullOnTheDayAfterTheDueDateIsKeptWithinGrace() {
        LocalDate due = TODAY.minusDays(1);
        account().given(registered(), promiseMade("P-1", "700", due))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("700"), TODAY, null))
                .expectEvents(paidInFull("PAY-1", "700", TODAY, "P-1"), new PromiseKept(CUSTOMER, "P-1", cny("700"),
                        cny("700"), due, TODAY.plusDays(2), TODAY, false, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void paidInFullOnTheLastGraceDayIsKeptWithinGraceForLessCredit() {
        LocalDate due = TODAY.minusDays(3);
        PromiseKept kept = new PromiseKept(CUSTOMER, "P-1", cny("700"), cny("700"), due, TODAY, TODAY, false,
                ValuedBy.SYSTEM, NOW);
        account().given(registered(), promiseMade("P-1", "700", due))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("700"), TODAY, null))
                .expectEvents(paidInFull("PAY-1", "700", TODAY, "P-1"), kept);

        // 100 x (2 + 0.9) / (4 + 1)
        assertThat(ReliabilityPolicies.V1.scoreOf(List.of(kept)).score()).isEqualByComparingTo("58.0");
    }

    @Test
    void paidTheDayAfterTheWindowClosedKeepsNothing() {
        // The window closed yesterday; the clock has not judged the promise yet. The money only reduces the debt.
        LocalDate due = TODAY.minusDays(4);
        account().given(registered(), promiseMade("P-1", "700", due))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("700"), TODAY, null))
                .expectEvents(paidInFull("PAY-1", "700", TODAY, "P-1"));
    }

    @Test
    void aPaymentDatedOnTheLastGraceDayButRecordedAfterTheCloseStillKeepsTheOpenPromise() {
        LocalDate due = TODAY.minusDays(4);
        LocalDate lastGraceDay = due.plusDays(3);
        account().given(registered(), promiseMade("P-1", "700", due))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("700"), lastGraceDay, null))
                .expectEvents(paidInFull("PAY-1", "700", lastGraceDay, "P-1"), new PromiseKept(CUSTOMER, "P-1",
                        cny("700"), cny("700"), due, lastGraceDay, lastGraceDay, false, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void aPaymentDatedOnTheDueDateRecordedAfterTheBreakMakesItKeptOnTime() {
        LocalDate due = TODAY.minusDays(10);
        PromiseMade promise = promiseMade("P-1", "700", due);
        account().given(registered(), promise, brokenByTheClock(promise))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("700"), due, null))
                .expectEvents(paidInFull("PAY-1", "700", due, "P-1"),
                        new PromiseRejudged(CUSTOMER, "P-1", cny("700"), cny("700"), null, due, due.plusDays(3),
                                PromiseState.BROKEN, PromiseState.KEPT, due, true, RejudgedBecause.BACKDATED_PAYMENT,
                                "PAY-1", NOW));
    }

    @Test
    void aPaymentDatedOnTheLastGraceDayRecordedAfterTheBreakMakesItKeptWithinGrace() {
        LocalDate due = TODAY.minusDays(10);
        LocalDate lastGraceDay = due.plusDays(3);
        PromiseMade promise = promiseMade("P-1", "700", due);
        account().given(registered(), promise, brokenByTheClock(promise))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("700"), lastGraceDay, null))
                .expectEvents(paidInFull("PAY-1", "700", lastGraceDay, "P-1"),
                        new PromiseRejudged(CUSTOMER, "P-1", cny("700"), cny("700"), null, due, lastGraceDay,
                                PromiseState.BROKEN, PromiseState.KEPT, lastGraceDay, false,
                                RejudgedBecause.BACKDATED_PAYMENT, "PAY-1", NOW));
    }

    @Test
    void aPaymentDatedTheDayAfterTheWindowLeavesTheBreakAsItWas() {
        LocalDate due = TODAY.minusDays(10);
        PromiseMade promise = promiseMade("P-1", "700", due);
        account().given(registered(), promise, brokenByTheClock(promise))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("700"), due.plusDays(4), null))
                .expectEvents(paidInFull("PAY-1", "700", due.plusDays(4), "P-1"));
    }

    @Test
    void aPaymentOneCentShortOnTheLastGraceDayKeepsNothingYet() {
        LocalDate due = TODAY.minusDays(3);
        account().given(registered(), promiseMade("P-1", "700", due))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("699.99"), TODAY, null))
                .expectEvents(paidInFull("PAY-1", "699.99", TODAY, "P-1"));
    }

    /** The whole payment allocated to one promise, no credit left. */
    private static PaymentRecorded paidInFull(String paymentId, String amount, LocalDate paidOn, String promiseId) {
        return new PaymentRecorded(CUSTOMER, paymentId, cny(amount), paidOn, null, List.of(to(promiseId, amount)),
                cny("0"), cny("0"), NOW);
    }
}
