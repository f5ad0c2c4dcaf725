package com.promises.core.account;

import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.FinancialSituationRecorded;
import com.promises.core.risk.RecordFinancialSituation;
import org.junit.jupiter.api.Test;

import static com.promises.core.account.AccountFixtures.*;

/** Seed 000: the customer's ability to pay is recorded apart from their faith. */
class FinancialSituationTest {

    private static final FinancialSituationRecorded FROZEN = new FinancialSituationRecorded(CUSTOMER,
            FinancialSituation.FROZEN_ACCOUNTS, "bank froze the accounts", null, MADE_ON, EARLIER);

    @Test
    void aCollectorRecordsTheCustomersFinancialSituation() {
        account().given(registered())
                .when(new RecordFinancialSituation(CUSTOMER, FinancialSituation.FIXED_MONTHLY_INCOME, "rent comes in on the 5th"))
                .expectEvents(new FinancialSituationRecorded(CUSTOMER, FinancialSituation.FIXED_MONTHLY_INCOME,
                        "rent comes in on the 5th", null, TODAY, NOW));
    }

    @Test
    void theSameSituationAndNoteAgainChangesNothingButANewNoteIsRecorded() {
        account().given(registered(), FROZEN)
                .when(new RecordFinancialSituation(CUSTOMER, FinancialSituation.FROZEN_ACCOUNTS, "bank froze the accounts"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        account().given(registered(), FROZEN)
                .when(new RecordFinancialSituation(CUSTOMER, FinancialSituation.FROZEN_ACCOUNTS, "still frozen in July"))
                .expectEvents(new FinancialSituationRecorded(CUSTOMER, FinancialSituation.FROZEN_ACCOUNTS,
                        "still frozen in July", null, TODAY, NOW));
    }

    @Test
    void recoveryIsRecordedLikeAnyOtherSituation() {
        account().given(registered(), FROZEN)
                .when(new RecordFinancialSituation(CUSTOMER, FinancialSituation.RECOVERED, null))
                .expectEvents(new FinancialSituationRecorded(CUSTOMER, FinancialSituation.RECOVERED, null, null, TODAY, NOW));
    }

    @Test
    void aSituationIsRequired() {
        account().given(registered())
                .when(new RecordFinancialSituation(CUSTOMER, null, "no idea"))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_SITUATION, Refusals.SITUATION_REQUIRED));
    }
}
