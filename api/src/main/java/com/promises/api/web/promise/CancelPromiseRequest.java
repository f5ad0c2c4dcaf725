package com.promises.api.web.promise;

import com.promises.api.web.input.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "Withdraw a promise recorded by mistake or no longer owed")
public record CancelPromiseRequest(
        @NotBlank @Size(max = 2000) @PlainText @Schema(example = "Recorded twice by mistake") String note) {
}
