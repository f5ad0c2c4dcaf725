package com.promises.core.followup;

import com.promises.core.promise.Faith;

import java.math.BigDecimal;

/**
 * How a broken or partly kept promise is followed up, in proportion to intent, repetition and amount (seed 002:
 * 有心还是无意、次数多少、数额大小; DOMAIN.md rules 4 and 8). The schedule's follow-ups are kept by these rules alone.
 */
public final class FollowUpLadder {

    /** A second break within this many business days of the last one escalates to a visit. */
    public static final int REPEAT_BREAK_DAYS = 90;

    private FollowUpLadder() {
    }

    /**
     * The step the break calls for: legal review for bad faith or a habitual breaker; a visit that yields a written
     * plan for a second break soon after another, or for a sum still owed at or above {@code largeAmount} (large sums
     * belong in writing, rule 6); a call or a message otherwise.
     */
    public static EscalationStep assess(Faith faith, boolean habitualBreaker, boolean secondBreakSoon,
                                        BigDecimal stillOwed, BigDecimal largeAmount) {
        if (faith == Faith.BAD || habitualBreaker) {
            return EscalationStep.LEGAL_REVIEW;
        }
        if (secondBreakSoon || stillOwed.compareTo(largeAmount) >= 0) {
            return EscalationStep.VISIT_AND_WRITTEN_PLAN;
        }
        return EscalationStep.CALL_OR_MESSAGE;
    }

    /** What to suggest: what the break calls for, and at least the rung above the step last taken (seed 003). */
    public static EscalationStep suggested(EscalationStep assessed, StepTaken lastTaken) {
        if (lastTaken == null) {
            return assessed;
        }
        return EscalationStep.ofRank(Math.max(assessed.rank(), lastTaken.rung() + 1));
    }

    /**
     * Higher is more serious: ten times the suggested step's rank (which weighs faith and repetition), plus the
     * amount still owed in four tiers of {@code largeAmount}: below a tenth of it 0, below it 1, below ten times it 2,
     * above 3.
     */
    public static int severity(EscalationStep suggested, BigDecimal stillOwed, BigDecimal largeAmount) {
        int tier;
        if (stillOwed.multiply(BigDecimal.TEN).compareTo(largeAmount) < 0) {
            tier = 0;
        } else if (stillOwed.compareTo(largeAmount) < 0) {
            tier = 1;
        } else {
            tier = stillOwed.compareTo(largeAmount.multiply(BigDecimal.TEN)) < 0 ? 2 : 3;
        }
        return 10 * suggested.rank() + tier;
    }

    /** A new verbal promise answers only a call or a message; a promise in writing is a written plan and answers any. */
    public static boolean answeredByNewPromise(EscalationStep suggested, boolean inWriting) {
        return inWriting || suggested == EscalationStep.CALL_OR_MESSAGE;
    }

    /** A written repayment plan answers the follow-ups it was taken for, whatever their step. */
    public static boolean answeredByStep(StepTaken step) {
        return step == StepTaken.WRITTEN_PLAN;
    }
}
