package com.promises.core.account;

import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.promise.ValuedBy;
import com.promises.core.reminder.ReminderSent;
import com.promises.core.reminder.SendReminder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;

/** Breaks, reminders, renegotiations and cancellations as collectors record them. */
class CollectorActionsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 20);
    private static final PromiseKept KEPT = new PromiseKept(CUSTOMER, "P-1", cny("1000"), cny("1000"), DUE,
            DUE.plusDays(3), MADE_ON, true, ValuedBy.SYSTEM, EARLIER);
    private static final PromiseCancelled CANCELLED = new PromiseCancelled(CUSTOMER, "P-1", cny("1000"), cny("0"), DUE,
            "entered twice", MADE_ON, EARLIER);

    @Test
    void aCollectorRecordsABrokenPromiseWithItsReasonAndFaith() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new RecordBrokenPromise(CUSTOMER, "P-1", Reason.CASH_FLOW, "salaries unpaid for three months"))
                .expectEvents(new PromiseBroken(CUSTOMER, "P-1", cny("1000"), cny("0"), DUE, DUE.plusDays(3),
                        Reason.CASH_FLOW, Faith.GOOD, "salaries unpaid for three months", ValuedBy.COLLECTOR, NOW));
    }

    @Test
    void aRefusalIsBadFaith() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new RecordBrokenPromise(CUSTOMER, "P-1", Reason.REFUSES, null))
                .expectEvents(new PromiseBroken(CUSTOMER, "P-1", cny("1000"), cny("0"), DUE, DUE.plusDays(3),
                        Reason.REFUSES, Faith.BAD, null, ValuedBy.COLLECTOR, NOW));
    }

    @Test
    void aPromiseAlreadyJudgedCannotBeBroken() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), KEPT)
                .when(new RecordBrokenPromise(CUSTOMER, "P-1", Reason.CASH_FLOW, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_ALREADY_VALUED,
                        Refusals.ALREADY_VALUED.formatted("P-1", "kept")));
    }

    @Test
    void aCancelledPromiseCannotBeBroken() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), CANCELLED)
                .when(new RecordBrokenPromise(CUSTOMER, "P-1", Reason.CASH_FLOW, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_CLOSED, Refusals.CLOSED.formatted("P-1", "cancelled")));
    }

    @Test
    void aBrokenPromiseNeedsAReason() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new RecordBrokenPromise(CUSTOMER, "P-1", null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_REASON));
    }

    @Test
    void aReminderOpensQuietDaysForTheWholeCustomer() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new SendReminder(CUSTOMER, "P-1", Channel.MESSAGE, "due on the 20th"))
                .expectEvents(new ReminderSent(CUSTOMER, "P-1", Channel.MESSAGE, "due on the 20th", TODAY, DUE,
                        TODAY.plusDays(3), NOW));
    }

    @Test
    void aReminderInsideQuietDaysIsRefusedAndSaysWhenTheNextIsAllowed() {
        var reminded = new ReminderSent(CUSTOMER, "P-1", Channel.PHONE, null, TODAY.minusDays(1), DUE, TODAY.plusDays(2), EARLIER);
        account().given(registered(), promiseMade("P-1", "1000", DUE), promiseMade("P-2", "500", DUE), reminded)
                .when(new SendReminder(CUSTOMER, "P-2", Channel.MESSAGE, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INSIDE_QUIET_DAYS,
                        "A reminder was sent on 2026-06-14; the next one is allowed from 2026-06-17"));
    }

    @Test
    void aReminderIsAllowedAgainOnceTheQuietDaysHavePassed() {
        var reminded = new ReminderSent(CUSTOMER, "P-1", Channel.PHONE, null, TODAY.minusDays(3), DUE, TODAY, EARLIER);
        account().given(registered(), promiseMade("P-1", "1000", DUE), reminded)
                .when(new SendReminder(CUSTOMER, "P-1", Channel.PHONE, null))
                .expectEvents(new ReminderSent(CUSTOMER, "P-1", Channel.PHONE, null, TODAY, DUE, TODAY.plusDays(3), NOW));
    }

    @Test
    void aJudgedPromiseIsNotReminded() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), KEPT)
                .when(new SendReminder(CUSTOMER, "P-1", Channel.PHONE, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_ALREADY_VALUED));
    }

    @Test
    void renegotiationClosesThePromiseAndOpensOneLevelHigherForWhatIsUnpaid() {
        LocalDate newDue = LocalDate.of(2026, 7, 10);
        account().given(registered(), promiseMade("P-1", "1000", DUE), paid("PAY-1", "300", TODAY, "0", to("P-1", "300")))
                .when(new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", newDue, null, Reason.WAITING_ON_THEIR_CUSTOMER, "chain debt"))
                .expectEvents(
                        new PromiseRenegotiated(CUSTOMER, "P-1", cny("1000"), cny("300"), DUE, "P-1b", cny("700"), newDue,
                                2, true, Reason.WAITING_ON_THEIR_CUSTOMER, "chain debt", TODAY, NOW),
                        new PromiseMade(CUSTOMER, "P-1b", cny("700"), TODAY, newDue, 3, newDue.plusDays(3), Channel.PHONE,
                                false, null, "chain debt", null, "P-1", 2, cny("0"), List.of(), NOW))
                .expectResultMessagePayload(new PromiseAccepted("P-1b", List.of()));
    }

    @Test
    void renegotiatingAfterTheDueDateIsMarkedSo() {
        LocalDate pastDue = TODAY.minusDays(1);
        account().given(registered(), promiseMade("P-1", "1000", pastDue))
                .when(new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", TODAY.plusDays(10), cny("1200"), null, null))
                .expectEvents(
                        new PromiseRenegotiated(CUSTOMER, "P-1", cny("1000"), cny("0"), pastDue, "P-1b", cny("1200"),
                                TODAY.plusDays(10), 2, false, null, null, TODAY, NOW),
                        new PromiseMade(CUSTOMER, "P-1b", cny("1200"), TODAY, TODAY.plusDays(10), 3, TODAY.plusDays(13),
                                Channel.PHONE, false, null, null, null, "P-1", 2, cny("0"), List.of(), NOW));
    }

    @Test
    void theSameRenegotiationAgainGetsTheSameAnswer() {
        LocalDate newDue = LocalDate.of(2026, 7, 31);
        var renegotiated = new PromiseRenegotiated(CUSTOMER, "P-1", cny("1000"), cny("0"), DUE, "P-1b", cny("1000"), newDue,
                2, true, null, null, TODAY, NOW);
        var replacement = new PromiseMade(CUSTOMER, "P-1b", cny("1000"), TODAY, newDue, 3, newDue.plusDays(3),
                Channel.PHONE, false, null, null, null, "P-1", 2, cny("0"), List.of(), NOW);
        account().given(registered(), promiseMade("P-1", "1000", DUE), renegotiated, replacement)
                .when(new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", newDue, null, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new PromiseAccepted("P-1b", List.of()));
    }

    @Test
    void aRenegotiationNeedsANewDueDate() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", null, null, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_DATE, Refusals.DATE_REQUIRED.formatted("new due date")));
    }

    @Test
    void aJudgedPromiseCannotBeRenegotiated() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), KEPT)
                .when(new RenegotiatePromise(CUSTOMER, "P-1", "P-1b", DUE.plusDays(30), null, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_ALREADY_VALUED));
    }

    @Test
    void aPromiseCanBeCancelledAndThenCarriesNoWeight() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new CancelPromise(CUSTOMER, "P-1", "entered twice"))
                .expectEvents(new PromiseCancelled(CUSTOMER, "P-1", cny("1000"), cny("0"), DUE, "entered twice", TODAY, NOW));
    }

    @Test
    void aJudgedPromiseCannotBeCancelled() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), KEPT)
                .when(new CancelPromise(CUSTOMER, "P-1", "too late"))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_ALREADY_VALUED));
    }

    @Test
    void aCancelledPromiseCannotBeCancelledAgain() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), CANCELLED)
                .when(new CancelPromise(CUSTOMER, "P-1", "again"))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_CLOSED));
    }
}
