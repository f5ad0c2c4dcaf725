package com.promises.api.web.commitment;

import com.promises.api.web.input.CalendarDate;
import com.promises.api.web.input.Ids;
import com.promises.api.web.input.PlainText;
import com.promises.api.web.input.ValidId;
import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.MakeOurCommitment;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

@Schema(description = "Something we promised the customer")
public record MakeOurCommitmentRequest(
        @ValidId @Schema(example = "C-2026-0007", description = "Left out, the service makes one and returns it") String commitmentId,
        @NotNull @Schema(example = "VISIT", description = "VISIT, CALL, DELIVERY or DOCUMENT") CommitmentKind kind,
        @NotNull @CalendarDate @Schema(example = "2026-07-10", description = "From today on") LocalDate dueDate,
        @Size(max = 2000) @PlainText @Schema(example = "Collect the cheque at their office") String note) {

    public MakeOurCommitment toCommand(String customerId) {
        return new MakeOurCommitment(customerId, Ids.orNew(commitmentId), kind, dueDate, note);
    }
}
