package com.promises.core.account;

import com.promises.core.commitment.CommitmentAccepted;
import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.JudgeOurCommitment;
import com.promises.core.commitment.MakeOurCommitment;
import com.promises.core.commitment.OurCommitmentMade;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.commitment.RecordOurCommitmentOutcome;
import com.promises.core.followup.CloseFollowUp;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.ValuePromise;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.promises.core.account.AccountFixtures.*;

/**
 * DOMAIN.md rule 7 (seed 002: 按时赴约): our own commitments are in the same history, and a miss of ours excuses the
 * customer's promises whose windows close within the excuse days (14 by default) after it.
 */
class OurCommitmentsTest {

    private static final LocalDate VISIT_DAY = LocalDate.of(2026, 6, 10);
    private static final OurCommitmentMade VISIT = new OurCommitmentMade(CUSTOMER, "C-1", CommitmentKind.VISIT, VISIT_DAY,
            VISIT_DAY.plusDays(1), "collect the cheque", MADE_ON, EARLIER);
    private static final OurCommitmentOutcomeRecorded MISSED = new OurCommitmentOutcomeRecorded(CUSTOMER, "C-1",
            CommitmentKind.VISIT, VISIT_DAY, CommitmentOutcome.MISSED, null, VISIT_DAY.plusDays(14), ValuedBy.COLLECTOR,
            VISIT_DAY, EARLIER);

    @Test
    void aCommitmentOfOursIsRecordedWithTheDayItMustBeAnsweredBy() {
        account().given(registered())
                .when(new MakeOurCommitment(CUSTOMER, "C-1", CommitmentKind.VISIT, TODAY.plusDays(3), "collect the cheque"))
                .expectEvents(new OurCommitmentMade(CUSTOMER, "C-1", CommitmentKind.VISIT, TODAY.plusDays(3), TODAY.plusDays(4),
                        "collect the cheque", TODAY, NOW))
                .expectResultMessagePayload(new CommitmentAccepted("C-1"));
    }

    @Test
    void theSameCommitmentAgainGetsTheSameAnswerAndAnotherUnderItsIdIsRefused() {
        account().given(registered(), VISIT)
                .when(new MakeOurCommitment(CUSTOMER, "C-1", CommitmentKind.VISIT, VISIT_DAY, "collect the cheque"))
                .expectNoEvents()
                .expectResultMessagePayload(new CommitmentAccepted("C-1"));
        account().given(registered(), VISIT)
                .when(new MakeOurCommitment(CUSTOMER, "C-1", CommitmentKind.CALL, VISIT_DAY, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.DUPLICATE_COMMITMENT_ID));
    }

    @Test
    void aCommitmentDueBeforeTodayOrWithoutAKindIsRefused() {
        account().given(registered())
                .when(new MakeOurCommitment(CUSTOMER, "C-1", CommitmentKind.CALL, TODAY.minusDays(1), null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_DATE,
                        Refusals.COMMITMENT_IN_THE_PAST.formatted(TODAY.minusDays(1), TODAY)));
        account().given(registered())
                .when(new MakeOurCommitment(CUSTOMER, "C-1", null, TODAY, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_COMMITMENT, Refusals.KIND_REQUIRED));
    }

    @Test
    void aCollectorRecordsACommitmentKept() {
        account().given(registered(), VISIT)
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-1", CommitmentOutcome.KEPT, "cheque collected"))
                .expectEvents(new OurCommitmentOutcomeRecorded(CUSTOMER, "C-1", CommitmentKind.VISIT, VISIT_DAY,
                        CommitmentOutcome.KEPT, "cheque collected", null, ValuedBy.COLLECTOR, TODAY, NOW));
    }

    @Test
    void aCancellationInAdvanceComesByTheDueDateAndExcusesNothing() {
        PromiseMade promise = promiseMade("P-1", "1000", LocalDate.of(2026, 6, 20));
        accountOn(on(VISIT_DAY)).given(registered(), VISIT, promise)
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-1", CommitmentOutcome.CANCELLED_IN_ADVANCE, "car broke down; sorry"))
                .expectEvents(new OurCommitmentOutcomeRecorded(CUSTOMER, "C-1", CommitmentKind.VISIT, VISIT_DAY,
                        CommitmentOutcome.CANCELLED_IN_ADVANCE, "car broke down; sorry", null, ValuedBy.COLLECTOR, VISIT_DAY,
                        on(VISIT_DAY)));
        account().given(registered(), VISIT)
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-1", CommitmentOutcome.CANCELLED_IN_ADVANCE, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.TOO_LATE_TO_CANCEL, Refusals.CANCELLED_TOO_LATE.formatted("C-1", VISIT_DAY)));
    }

    @Test
    void aCommitmentIsNotMissedBeforeItIsDue() {
        accountOn(on(VISIT_DAY.minusDays(1))).given(registered(), VISIT)
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-1", CommitmentOutcome.MISSED, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.COMMITMENT_NOT_DUE, Refusals.MISSED_BEFORE_DUE.formatted("C-1", VISIT_DAY)));
    }

    @Test
    void anOutcomeForAnUnknownCommitmentIsRefused() {
        account().given(registered())
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-404", CommitmentOutcome.KEPT, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.COMMITMENT_NOT_FOUND, Refusals.UNKNOWN_COMMITMENT.formatted(CUSTOMER, "C-404")));
    }

    @Test
    void aCommitmentIsAnsweredOnceTheSameAnswerAgainChangingNothing() {
        account().given(registered(), VISIT, MISSED)
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-1", CommitmentOutcome.KEPT, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.COMMITMENT_ALREADY_ANSWERED,
                        Refusals.ALREADY_ANSWERED.formatted("C-1", "missed", VISIT_DAY)));
        account().given(registered(), VISIT, MISSED)
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-1", CommitmentOutcome.MISSED, null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOutcomeIsRequired() {
        account().given(registered(), VISIT)
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-1", null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_COMMITMENT, Refusals.OUTCOME_REQUIRED));
    }

    @Test
    void theServiceJudgesACommitmentNobodyAnsweredMissedOnceTheDayAfterItsDueDateHasPassed() {
        accountOn(on(VISIT_DAY.plusDays(2))).given(registered(), VISIT)
                .when(new JudgeOurCommitment(CUSTOMER, "C-1"))
                .expectEvents(new OurCommitmentOutcomeRecorded(CUSTOMER, "C-1", CommitmentKind.VISIT, VISIT_DAY,
                        CommitmentOutcome.MISSED, null, VISIT_DAY.plusDays(14), ValuedBy.SYSTEM, VISIT_DAY.plusDays(2),
                        on(VISIT_DAY.plusDays(2))));
        accountOn(on(VISIT_DAY.plusDays(1))).given(registered(), VISIT)
                .when(new JudgeOurCommitment(CUSTOMER, "C-1"))
                .expectNoEvents()
                .expectException(rejected(Rejection.COMMITMENT_NOT_DUE,
                        Refusals.NOT_YET_UNANSWERED.formatted("C-1", VISIT_DAY.plusDays(1))));
    }

    @Test
    void aCommitmentWithAnAnswerIsNotJudgedAgain() {
        account().given(registered(), VISIT, MISSED)
                .when(new JudgeOurCommitment(CUSTOMER, "C-1"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void ourMissExcusesThePromisesAlreadyJudgedWhoseWindowsCloseWithinTheExcuseDays() {
        PromiseMade before = promiseMade("P-BEFORE", "100", VISIT_DAY.minusDays(4)); // window closes 9 June
        PromiseMade onTheDay = promiseMade("P-ON", "100", VISIT_DAY.minusDays(3));    // window closes 10 June
        PromiseMade lastDay = promiseMade("P-LAST", "100", VISIT_DAY.plusDays(11));   // window closes 24 June
        PromiseMade after = promiseMade("P-AFTER", "100", VISIT_DAY.plusDays(12));    // window closes 25 June
        accountOn(on(LocalDate.of(2026, 6, 26))).given(registered(), VISIT, before, onTheDay, lastDay, after,
                        brokenByTheClock(before), brokenByTheClock(onTheDay), keptOn(lastDay, VISIT_DAY), brokenByTheClock(after))
                .when(new RecordOurCommitmentOutcome(CUSTOMER, "C-1", CommitmentOutcome.MISSED, "forgot the visit"))
                .expectEvents(
                        new OurCommitmentOutcomeRecorded(CUSTOMER, "C-1", CommitmentKind.VISIT, VISIT_DAY,
                                CommitmentOutcome.MISSED, "forgot the visit", VISIT_DAY.plusDays(14), ValuedBy.COLLECTOR,
                                LocalDate.of(2026, 6, 26), on(LocalDate.of(2026, 6, 26))),
                        new PromiseExcused(CUSTOMER, "P-ON", VISIT_DAY, "C-1", VISIT_DAY, on(LocalDate.of(2026, 6, 26))),
                        new PromiseExcused(CUSTOMER, "P-LAST", VISIT_DAY.plusDays(14), "C-1", VISIT_DAY,
                                on(LocalDate.of(2026, 6, 26))));
    }

    @Test
    void aPromiseJudgedAfterOurMissIsJudgedAsUsualAndExcused() {
        PromiseMade promise = promiseMade("P-1", "1000", LocalDate.of(2026, 6, 11)); // window closes 14 June
        account().given(registered(), VISIT, promise, MISSED)
                .when(new ValuePromise(CUSTOMER, "P-1"))
                .expectEvents(
                        new PromiseBroken(CUSTOMER, "P-1", cny("1000"), cny("0"), LocalDate.of(2026, 6, 11),
                                LocalDate.of(2026, 6, 14), null, Faith.UNKNOWN, null, ValuedBy.SYSTEM, NOW),
                        new PromiseExcused(CUSTOMER, "P-1", LocalDate.of(2026, 6, 14), "C-1", VISIT_DAY, NOW));
    }

    @Test
    void anExcusedBreakHasNoFollowUpToClose() {
        PromiseMade promise = promiseMade("P-1", "1000", LocalDate.of(2026, 6, 11));
        account().given(registered(), VISIT, promise, MISSED, brokenByTheClock(promise),
                        new PromiseExcused(CUSTOMER, "P-1", LocalDate.of(2026, 6, 14), "C-1", VISIT_DAY, EARLIER))
                .when(new CloseFollowUp(CUSTOMER, "P-1", "nothing to do"))
                .expectNoEvents()
                .expectException(rejected(Rejection.FOLLOW_UP_NOT_OPEN,
                        Refusals.NO_OPEN_FOLLOW_UP.formatted("P-1", "broken", " and excused by our own miss")));
    }
}
