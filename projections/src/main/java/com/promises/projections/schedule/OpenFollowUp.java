package com.promises.projections.schedule;

import com.promises.core.followup.EscalationStep;
import com.promises.core.followup.FollowUpLadder;
import com.promises.core.followup.StepTaken;
import com.promises.core.promise.Faith;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A follow-up still open, with what its suggested step and severity are worked out from (DOMAIN.md rules 4 and 8):
 * the faith of the latest reason, the repetition when it opened, the money still owed and the last step taken.
 */
final class OpenFollowUp {

    final String id;
    final String promiseId;
    BigDecimal stillOwed;
    Faith faith;
    boolean habitual;
    boolean repeatedSoon;
    StepTaken lastStepTaken;
    Instant lastStepAt;

    OpenFollowUp(String id, String promiseId, BigDecimal stillOwed, Faith faith, boolean habitual, boolean repeatedSoon,
                 StepTaken lastStepTaken, Instant lastStepAt) {
        this.id = id;
        this.promiseId = promiseId;
        this.stillOwed = stillOwed;
        this.faith = faith;
        this.habitual = habitual;
        this.repeatedSoon = repeatedSoon;
        this.lastStepTaken = lastStepTaken;
        this.lastStepAt = lastStepAt;
    }

    EscalationStep suggestedStep(BigDecimal largeAmount) {
        return FollowUpLadder.suggested(FollowUpLadder.assess(faith, habitual, repeatedSoon, owed(), largeAmount), lastStepTaken);
    }

    int severity(BigDecimal largeAmount) {
        return FollowUpLadder.severity(suggestedStep(largeAmount), owed(), largeAmount);
    }

    boolean isPaid() {
        return stillOwed.signum() <= 0;
    }

    private BigDecimal owed() {
        return stillOwed.max(BigDecimal.ZERO);
    }
}
