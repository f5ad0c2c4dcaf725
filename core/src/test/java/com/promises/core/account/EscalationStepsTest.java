package com.promises.core.account;

import com.promises.core.followup.CloseFollowUp;
import com.promises.core.followup.EscalationStepRecorded;
import com.promises.core.followup.FollowUpClosed;
import com.promises.core.followup.RecordEscalationStep;
import com.promises.core.followup.StepTaken;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static com.promises.core.account.AccountFixtures.*;

/** DOMAIN.md rule 8 (seed 003): the steps a collector took are in the history beside the promises they were about. */
class EscalationStepsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);
    private static final PromiseMade PROMISE = promiseMade("P-1", "1000", DUE);

    @Test
    void aStepTakenAboutABrokenPromiseIsRecordedWithItsDocument() {
        account().given(registered(), PROMISE, brokenByTheClock(PROMISE))
                .when(new RecordEscalationStep(CUSTOMER, StepTaken.WRITTEN_PLAN, "P-1", "plan sealed by their director", "DOC-77"))
                .expectEvents(new EscalationStepRecorded(CUSTOMER, StepTaken.WRITTEN_PLAN, "P-1",
                        "plan sealed by their director", "DOC-77", TODAY, NOW));
    }

    @Test
    void aStepAboutTheWholeDebtNamesNoPromise() {
        account().given(registered())
                .when(new RecordEscalationStep(CUSTOMER, StepTaken.LETTER, null, "payment notice sent", null))
                .expectEvents(new EscalationStepRecorded(CUSTOMER, StepTaken.LETTER, null, "payment notice sent", null, TODAY, NOW));
    }

    @Test
    void aStepAboutAPromiseNotBrokenIsRefused() {
        account().given(registered(), promiseMade("P-1", "1000", TODAY.plusDays(5)))
                .when(new RecordEscalationStep(CUSTOMER, StepTaken.PHONE, "P-1", null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_NOT_BROKEN, Refusals.NOT_BROKEN.formatted("P-1", "open", "escalated")));
    }

    @Test
    void aStepAboutAnUnknownPromiseOrWithoutAStepIsRefused() {
        account().given(registered())
                .when(new RecordEscalationStep(CUSTOMER, StepTaken.PHONE, "P-404", null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_NOT_FOUND));
        account().given(registered())
                .when(new RecordEscalationStep(CUSTOMER, null, null, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_STEP, Refusals.STEP_REQUIRED));
    }

    @Test
    void aPartlyKeptPromiseHasAFollowUpForTheRest() {
        var partly = new PromisePartiallyKept(CUSTOMER, "P-1", cny("1000"), cny("400"), new BigDecimal("0.4000"), DUE,
                DUE.plusDays(3), ValuedBy.SYSTEM, EARLIER);
        account().given(registered(), PROMISE, paid("PAY-1", "400", DUE, "0", to("P-1", "400")), partly)
                .when(new CloseFollowUp(CUSTOMER, "P-1", "visited; plan next week"))
                .expectEvents(new FollowUpClosed(CUSTOMER, "P-1", "visited; plan next week", TODAY, NOW));
    }
}
