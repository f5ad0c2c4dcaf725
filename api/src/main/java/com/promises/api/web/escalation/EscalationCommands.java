package com.promises.api.web.escalation;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.web.input.ValidId;
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

/** DOMAIN.md rule 8 (seed 003): the steps collectors actually took. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/escalations")
@Tag(name = "Reminders and follow-ups", description = "Reminder planning and the follow-ups after broken promises")
class EscalationCommands {

    private final CommandDispatcher commands;

    EscalationCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an escalation step taken",
            description = "The follow-ups it is about show it as lastStepTaken and suggest at least the next step up the ladder; "
                    + "a WRITTEN_PLAN answers them.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMISE_NOT_BROKEN: the promise named is neither broken nor partially kept")
    EscalationStepResponse record(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                  @Valid @RequestBody EscalationStepRequest body) {
        commands.send(customerId, body.toCommand(customerId));
        return new EscalationStepResponse(customerId, body.step(), body.promiseId());
    }
}
