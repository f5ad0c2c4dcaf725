package com.promises.api.web.escalation;

import com.promises.api.web.input.PlainText;
import com.promises.api.web.input.ValidId;
import com.promises.core.followup.RecordEscalationStep;
import com.promises.core.followup.StepTaken;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A step a collector took about a promise not kept, or about the whole debt")
public record EscalationStepRequest(
        @NotNull @Schema(example = "WRITTEN_PLAN", description = "LETTER, PHONE, EMAIL, VISIT, WRITTEN_PLAN or LEGAL") StepTaken step,
        @ValidId @Schema(example = "P-2026-0042", description = "A broken or partially kept promise; left out, every open "
                + "follow-up of the customer") String promiseId,
        @Size(max = 2000) @PlainText @Schema(example = "Visited; their director sealed a repayment plan") String note,
        @Size(max = 200) @PlainText @Schema(example = "DOC-2026-0119", description = "The sealed plan, letter or case file")
        String documentReference) {

    public RecordEscalationStep toCommand(String customerId) {
        return new RecordEscalationStep(customerId, step, promiseId, note, documentReference);
    }
}
