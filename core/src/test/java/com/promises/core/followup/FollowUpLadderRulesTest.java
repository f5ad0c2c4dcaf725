package com.promises.core.followup;

import com.promises.core.promise.Faith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md rules 4 and 8 as a table: the step a break calls for (faith, repetition, amount), the next one up after a
 * step taken (seed 003), the severity, and what answers a follow-up.
 */
class FollowUpLadderRulesTest {

    private static final BigDecimal LARGE = new BigDecimal("50000");

    @ParameterizedTest(name = "{0} faith, habitual {1}, second soon {2}, owed {3}: {4}")
    @CsvSource({
            "GOOD,    false, false, 1000,   CALL_OR_MESSAGE",
            "UNKNOWN, false, false, 49999,  CALL_OR_MESSAGE",
            "GOOD,    false, true,  1000,   VISIT_AND_WRITTEN_PLAN",
            "GOOD,    false, false, 50000,  VISIT_AND_WRITTEN_PLAN",
            "BAD,     false, false, 10,     LEGAL_REVIEW",
            "GOOD,    true,  false, 10,     LEGAL_REVIEW"})
    void aBreakCallsForAStepInProportionToFaithRepetitionAndAmount(Faith faith, boolean habitual, boolean secondSoon,
                                                                   BigDecimal owed, EscalationStep step) {
        assertThat(FollowUpLadder.assess(faith, habitual, secondSoon, owed, LARGE)).isEqualTo(step);
    }

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @CsvSource({
            "CALL_OR_MESSAGE,        PHONE,        VISIT_AND_WRITTEN_PLAN",
            "CALL_OR_MESSAGE,        LETTER,       VISIT_AND_WRITTEN_PLAN",
            "CALL_OR_MESSAGE,        VISIT,        LEGAL_REVIEW",
            "LEGAL_REVIEW,           EMAIL,        LEGAL_REVIEW",
            "VISIT_AND_WRITTEN_PLAN, LEGAL,        LEGAL_REVIEW"})
    void theSuggestionIsAtLeastTheRungAboveTheStepLastTaken(EscalationStep assessed, StepTaken taken, EscalationStep suggested) {
        assertThat(FollowUpLadder.suggested(assessed, taken)).isEqualTo(suggested);
        assertThat(FollowUpLadder.suggested(assessed, null)).isEqualTo(assessed);
    }

    @ParameterizedTest(name = "{0}, owed {1}: {2}")
    @CsvSource({
            "CALL_OR_MESSAGE,        4999.99, 10",
            "CALL_OR_MESSAGE,        5000,    11",
            "VISIT_AND_WRITTEN_PLAN, 49999,   21",
            "VISIT_AND_WRITTEN_PLAN, 50000,   22",
            "LEGAL_REVIEW,           500000,  33",
            "LEGAL_REVIEW,           0,       30"})
    void severityWeighsTheAmountStillOwedBesideTheStep(EscalationStep step, BigDecimal owed, int severity) {
        assertThat(FollowUpLadder.severity(step, owed, LARGE)).isEqualTo(severity);
    }

    @ParameterizedTest(name = "{0}, in writing {1}: answered {2}")
    @CsvSource({
            "CALL_OR_MESSAGE,        false, true",
            "VISIT_AND_WRITTEN_PLAN, false, false",
            "LEGAL_REVIEW,           false, false",
            "VISIT_AND_WRITTEN_PLAN, true,  true",
            "LEGAL_REVIEW,           true,  true"})
    void aNewVerbalPromiseAnswersOnlyACallOrAMessage(EscalationStep step, boolean inWriting, boolean answered) {
        assertThat(FollowUpLadder.answeredByNewPromise(step, inWriting)).isEqualTo(answered);
    }

    @ParameterizedTest
    @CsvSource({"WRITTEN_PLAN, true", "VISIT, false", "LEGAL, false", "PHONE, false"})
    void onlyAWrittenPlanAnswersAFollowUpByItself(StepTaken step, boolean answered) {
        assertThat(FollowUpLadder.answeredByStep(step)).isEqualTo(answered);
    }
}
