package com.promises.api.web.reminder;

import com.promises.api.web.promise.PromiseChangeResponse;
import com.promises.api.command.CommandDispatcher;
import com.promises.api.web.input.ValidId;
import com.promises.core.reminder.SendReminder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/promises/{promiseId}/reminders")
@Tag(name = "Reminders", description = "Reminders sent about promises")
class ReminderCommands {

    private final CommandDispatcher commands;

    ReminderCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a reminder", description = "Refused inside the quiet days after the customer's last reminder.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "INSIDE_QUIET_DAYS, PROMISE_ALREADY_VALUED, PROMISE_DISPUTED")
    PromiseChangeResponse sendReminder(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                 @PathVariable @ValidId @Parameter(example = "P-2026-0042") String promiseId,
                                 @Valid @RequestBody SendReminderRequest body) {
        commands.send(customerId, new SendReminder(customerId, promiseId, body.channel(), body.note()));
        return new PromiseChangeResponse(customerId, promiseId);
    }
}
