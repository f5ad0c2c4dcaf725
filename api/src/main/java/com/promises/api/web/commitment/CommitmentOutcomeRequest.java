package com.promises.api.web.commitment;

import com.promises.api.web.input.PlainText;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.RecordOurCommitmentOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "How our commitment ended")
public record CommitmentOutcomeRequest(
        @NotNull @Schema(example = "CANCELLED_IN_ADVANCE",
                description = "KEPT; MISSED (from its due date on); CANCELLED_IN_ADVANCE (up to its due date)") CommitmentOutcome outcome,
        @Size(max = 2000) @PlainText @Schema(example = "Car broke down; called them the day before to apologise") String note) {

    public RecordOurCommitmentOutcome toCommand(String customerId, String commitmentId) {
        return new RecordOurCommitmentOutcome(customerId, commitmentId, outcome, note);
    }
}
