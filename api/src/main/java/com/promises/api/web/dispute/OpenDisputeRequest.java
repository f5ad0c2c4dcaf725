package com.promises.api.web.dispute;

import com.promises.api.web.input.PlainText;
import com.promises.core.promise.Reason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "The customer contests the debt behind a promise")
public record OpenDisputeRequest(
        @NotNull @Schema(example = "GOODS_NOT_RECEIVED") Reason reason,
        @Size(max = 2000) @PlainText @Schema(example = "Second delivery never arrived") String note) {
}
