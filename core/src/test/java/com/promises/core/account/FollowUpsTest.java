package com.promises.core.account;

import com.promises.core.followup.CloseFollowUp;
import com.promises.core.followup.FollowUpClosed;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.Reason;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.promises.core.account.AccountFixtures.*;

class FollowUpsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);
    private static final PromiseBroken BROKEN = new PromiseBroken(CUSTOMER, "P-1", cny("1000"), cny("0"), DUE,
            DUE.plusDays(3), Reason.CASH_FLOW, Faith.GOOD, null, ValuedBy.COLLECTOR, EARLIER);

    @Test
    void aCollectorClosesTheFollowUpOfABrokenPromise() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), BROKEN)
                .when(new CloseFollowUp(CUSTOMER, "P-1", "called; new plan next week"))
                .expectEvents(new FollowUpClosed(CUSTOMER, "P-1", "called; new plan next week", TODAY, NOW));
    }

    @Test
    void aFollowUpIsClosedOnlyOnce() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), BROKEN,
                        new FollowUpClosed(CUSTOMER, "P-1", null, TODAY, NOW))
                .when(new CloseFollowUp(CUSTOMER, "P-1", "again"))
                .expectNoEvents()
                .expectException(rejected(Rejection.FOLLOW_UP_NOT_OPEN,
                        Refusals.NO_OPEN_FOLLOW_UP.formatted("P-1", "broken", " and its follow-up was already closed")));
    }

    @Test
    void onlyABrokenPromiseHasAFollowUp() {
        account().given(registered(), promiseMade("P-1", "1000", DUE))
                .when(new CloseFollowUp(CUSTOMER, "P-1", null))
                .expectNoEvents()
                .expectException(rejected(Rejection.FOLLOW_UP_NOT_OPEN));
    }
}
