package com.promises.api.web.followup;

import com.promises.api.web.input.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "What the collector did about the broken promise")
record CloseFollowUpRequest(
        @NotBlank @Size(max = 2000) @PlainText @Schema(example = "Called; they pay on Friday") String note) {
}
