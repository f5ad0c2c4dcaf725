package com.promises.core.account;

import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;

class PaymentsTest {

    private static final LocalDate JUNE_20 = LocalDate.of(2026, 6, 20);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    @Test
    void aPaymentNamingAPromiseGoesToIt() {
        account().given(registered(), promiseMade("P-1", "1000", JUNE_20), promiseMade("P-2", "1000", JUNE_30))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("400"), TODAY, "P-2"))
                .expectEvents(new PaymentRecorded(CUSTOMER, "PAY-1", cny("400"), TODAY, "P-2",
                        List.of(to("P-2", "400")), cny("0"), cny("0"), NOW))
                .expectResultMessagePayload(new PaymentAccepted("PAY-1", List.of(to("P-2", "400")), cny("0")));
    }

    @Test
    void anUnnamedPaymentGoesToTheOldestDuePromiseFirstAndTheRestStaysAsCredit() {
        account().given(registered(), promiseMade("P-LATE", "1000", JUNE_30), promiseMade("P-SOON", "300", JUNE_20))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("1500"), TODAY, null))
                .expectEvents(
                        new PaymentRecorded(CUSTOMER, "PAY-1", cny("1500"), TODAY, null,
                                List.of(to("P-SOON", "300"), to("P-LATE", "1000")), cny("200"), cny("200"), NOW),
                        new PromiseKept(CUSTOMER, "P-SOON", cny("300"), cny("300"), JUNE_20, JUNE_20.plusDays(3), TODAY,
                                true, ValuedBy.SYSTEM, NOW),
                        new PromiseKept(CUSTOMER, "P-LATE", cny("1000"), cny("1000"), JUNE_30, JUNE_30.plusDays(3), TODAY,
                                true, ValuedBy.SYSTEM, NOW))
                .expectResultMessagePayload(new PaymentAccepted("PAY-1",
                        List.of(to("P-SOON", "300"), to("P-LATE", "1000")), cny("200")));
    }

    @Test
    void aNamedPaymentLargerThanItsPromiseFlowsOnToTheOthers() {
        account().given(registered(), promiseMade("P-1", "100", JUNE_20), promiseMade("P-2", "100", JUNE_30))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("150"), TODAY, "P-2"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.axonframework.test.matchers.Matchers.equalTo(new PaymentRecorded(CUSTOMER, "PAY-1",
                                        cny("150"), TODAY, "P-2", List.of(to("P-2", "100"), to("P-1", "50")),
                                        cny("0"), cny("0"), NOW)))));
    }

    @Test
    void aPromisePaidInFullAfterItsDueDateButInsideGraceIsKeptWithinGrace() {
        LocalDate due = LocalDate.of(2026, 6, 13);
        account().given(registered(), promiseMade("P-1", "500", due))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("500"), TODAY, null))
                .expectEvents(
                        new PaymentRecorded(CUSTOMER, "PAY-1", cny("500"), TODAY, null, List.of(to("P-1", "500")),
                                cny("0"), cny("0"), NOW),
                        new PromiseKept(CUSTOMER, "P-1", cny("500"), cny("500"), due, due.plusDays(3), TODAY, false,
                                ValuedBy.SYSTEM, NOW));
    }

    @Test
    void aLatePaymentAfterABreakIsRecordedAndReducesTheDebtWithoutRewritingTheOutcome() {
        LocalDate due = LocalDate.of(2026, 6, 5);
        var broken = new PromiseBroken(CUSTOMER, "P-1", cny("500"), cny("0"), due, due.plusDays(3), null, Faith.UNKNOWN,
                null, ValuedBy.SYSTEM, EARLIER);
        account().given(registered(), promiseMade("P-1", "500", due), broken)
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("500"), LocalDate.of(2026, 6, 10), null))
                .expectEvents(new PaymentRecorded(CUSTOMER, "PAY-1", cny("500"), LocalDate.of(2026, 6, 10), null,
                        List.of(to("P-1", "500")), cny("0"), cny("0"), NOW));
    }

    @Test
    void aPaymentToACancelledPromiseIsRefused() {
        var cancelled = new PromiseCancelled(CUSTOMER, "P-1", cny("500"), cny("0"), JUNE_20, "mistake", MADE_ON, EARLIER);
        account().given(registered(), promiseMade("P-1", "500", JUNE_20), cancelled)
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("500"), TODAY, "P-1"))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_CLOSED));
    }

    @Test
    void aPaymentNamingAnUnknownPromiseIsRefused() {
        account().given(registered())
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("10"), TODAY, "P-404"))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_NOT_FOUND,
                        Refusals.UNKNOWN_PROMISE.formatted(CUSTOMER, "P-404")));
    }

    @Test
    void theSamePaymentAgainChangesNothingAndGetsTheFirstAnswer() {
        account().given(registered(), promiseMade("P-1", "1000", JUNE_20),
                        paid("PAY-1", "400", TODAY, "0", to("P-1", "400")))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("400"), TODAY, null))
                .expectNoEvents()
                .expectResultMessagePayload(new PaymentAccepted("PAY-1", List.of(to("P-1", "400")), cny("0")));
    }

    @Test
    void anotherPaymentUnderATakenIdIsRefused() {
        account().given(registered(), paid("PAY-1", "400", TODAY, "400"))
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("401"), TODAY, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.DUPLICATE_PAYMENT_ID));
    }

    @Test
    void aPaymentDatedAfterTodayIsRefused() {
        account().given(registered())
                .when(new RecordPayment(CUSTOMER, "PAY-1", cny("10"), TODAY.plusDays(1), null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_DATE,
                        Refusals.IN_THE_FUTURE.formatted("payment date", TODAY.plusDays(1), TODAY)));
    }

    @Test
    void aPaymentInAnotherCurrencyIsRefused() {
        account().given(registered())
                .when(new RecordPayment(CUSTOMER, "PAY-1", com.promises.core.money.Money.of("10", "JPY"), TODAY, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.CURRENCY_MISMATCH));
    }
}
