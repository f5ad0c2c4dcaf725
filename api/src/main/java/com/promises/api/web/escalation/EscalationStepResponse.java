package com.promises.api.web.escalation;

import com.promises.core.followup.StepTaken;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The step on record")
record EscalationStepResponse(@Schema(example = "hotel-zhonghua") String customerId,
                              @Schema(example = "WRITTEN_PLAN") StepTaken step,
                              @Schema(example = "P-2026-0042") String promiseId) {
}
