package com.promises.core.account;

import com.promises.core.dispute.DisputeOpened;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.Reason;
import com.promises.core.promise.ValuePromise;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static com.promises.core.account.AccountFixtures.*;

/** DOMAIN.md rule 1: judge each promise once, on a fixed window of due date plus grace days. */
class ValuingPromisesTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 10);
    private static final LocalDate WINDOW_CLOSES = LocalDate.of(2026, 6, 13);

    @Test
    void aPromiseIsNotJudgedWhileItsWindowIsOpen() {
        accountOn(on(WINDOW_CLOSES)).given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new ValuePromise(CUSTOMER, "P-1"))
                .expectNoEvents()
                .expectException(rejected(Rejection.WINDOW_NOT_CLOSED,
                        Refusals.WINDOW_OPEN.formatted("P-1", WINDOW_CLOSES)));
    }

    @Test
    void nothingPaidInsideTheWindowIsBrokenByTheSystem() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new ValuePromise(CUSTOMER, "P-1"))
                .expectEvents(new PromiseBroken(CUSTOMER, "P-1", cny("1000"), cny("0"), DUE, WINDOW_CLOSES, null,
                        Faith.UNKNOWN, null, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void somethingPaidInsideTheWindowIsPartiallyKeptWithTheFractionPaid() {
        account().given(registered(), promiseMade("P-1", "1000", DUE),
                        paid("PAY-1", "400", LocalDate.of(2026, 6, 12), "0", to("P-1", "400")))
                .when(new ValuePromise(CUSTOMER, "P-1"))
                .expectEvents(new PromisePartiallyKept(CUSTOMER, "P-1", cny("1000"), cny("400"), new BigDecimal("0.4000"),
                        DUE, WINDOW_CLOSES, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void moneyPaidAfterTheWindowClosedDoesNotCountTowardsKeepingIt() {
        account().given(registered(), promiseMade("P-1", "1000", DUE),
                        paid("PAY-1", "1000", LocalDate.of(2026, 6, 14), "0", to("P-1", "1000")))
                .when(new ValuePromise(CUSTOMER, "P-1"))
                .expectEvents(new PromiseBroken(CUSTOMER, "P-1", cny("1000"), cny("1000"), DUE, WINDOW_CLOSES, null,
                        Faith.UNKNOWN, null, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void judgingAPromiseTwiceChangesNothing() {
        var kept = new PromiseKept(CUSTOMER, "P-1", cny("1000"), cny("1000"), DUE, WINDOW_CLOSES, DUE, true,
                ValuedBy.SYSTEM, EARLIER);
        account().given(registered(), promiseMade("P-1", "1000", DUE),
                        paid("PAY-1", "1000", DUE, "0", to("P-1", "1000")), kept)
                .when(new ValuePromise(CUSTOMER, "P-1"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDisputedPromiseIsNotJudged() {
        account().given(registered(), promiseMade("P-1", "1000", DUE),
                        new DisputeOpened(CUSTOMER, "P-1", cny("1000"), DUE, Reason.QUALITY_DISPUTE, null, DUE, EARLIER))
                .when(new ValuePromise(CUSTOMER, "P-1"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anUnknownPromiseCannotBeJudged() {
        account().given(registered())
                .when(new ValuePromise(CUSTOMER, "P-404"))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_NOT_FOUND));
    }
}
