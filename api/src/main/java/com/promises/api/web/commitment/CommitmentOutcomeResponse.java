package com.promises.api.web.commitment;

import com.promises.core.commitment.CommitmentOutcome;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The outcome on record")
record CommitmentOutcomeResponse(@Schema(example = "C-2026-0007") String commitmentId,
                                 @Schema(example = "CANCELLED_IN_ADVANCE") CommitmentOutcome outcome) {
}
