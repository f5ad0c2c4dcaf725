package com.promises.projections.schedule;

/**
 * The ladder of seed 003 and DOMAIN.md rule 8: a call or message first; a second break soon after, a visit
 * that yields a written repayment plan; bad faith or a habitual breaker, legal review.
 */
public enum EscalationStep {
    CALL_OR_MESSAGE(1), VISIT_AND_WRITTEN_PLAN(2), LEGAL_REVIEW(3);

    private final int severity;

    EscalationStep(int severity) {
        this.severity = severity;
    }

    int severity() {
        return severity;
    }

    static EscalationStep after(boolean badFaith, boolean habitualBreaker, boolean secondBreakSoon) {
        if (badFaith || habitualBreaker) {
            return LEGAL_REVIEW;
        }
        return secondBreakSoon ? VISIT_AND_WRITTEN_PLAN : CALL_OR_MESSAGE;
    }
}
