package com.promises.core.followup;

/**
 * The ladder of seed 003 and DOMAIN.md rule 8, as a follow-up suggests it: a call or a message first; then a visit
 * that yields a written repayment plan; then legal review. {@link FollowUpLadder} says which one a break calls for.
 */
public enum EscalationStep {
    CALL_OR_MESSAGE(1), VISIT_AND_WRITTEN_PLAN(2), LEGAL_REVIEW(3);

    private final int rank;

    EscalationStep(int rank) {
        this.rank = rank;
    }

    /** 1 to 3, up the ladder. */
    public int rank() {
        return rank;
    }

    static EscalationStep ofRank(int rank) {
        return values()[Math.min(Math.max(rank, 1), 3) - 1];
    }
}
