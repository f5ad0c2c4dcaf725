package com.promises.api.web.promise;

import com.promises.api.web.input.PlainText;
import com.promises.core.promise.Reason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "The customer broke the promise, and why")
public record RecordBrokenPromiseRequest(
        @NotNull @Schema(example = "FUNDS_DIVERTED") Reason reason,
        @Size(max = 2000) @PlainText @Schema(example = "Put the money into a new shop") String note) {
}
