package com.promises.api.web.reminder;

import com.promises.api.web.input.PlainText;
import com.promises.core.promise.Channel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A reminder sent to the customer about a promise")
public record SendReminderRequest(
        @NotNull @Schema(example = "MESSAGE") Channel channel,
        @Size(max = 2000) @PlainText @Schema(example = "Friendly reminder: 1200.00 CNY due on 15 July") String note) {
}
