package com.promises.api.web.dispute;

import com.promises.api.web.promise.PromiseChangeResponse;
import com.promises.api.command.CommandDispatcher;
import com.promises.api.web.input.ValidId;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
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
@RequestMapping("/api/v1/customers/{customerId}/promises/{promiseId}/dispute")
@Tag(name = "Disputes", description = "Contested debts: valuation and reminders pause until resolved")
class DisputeCommands {

    private final CommandDispatcher commands;

    DisputeCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "openDispute", summary = "Open a dispute",
            description = "The promise is neither valued nor reminded until the dispute is resolved.")
    @ApiResponse(responseCode = "201", description = "Opened")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMISE_DISPUTED, PROMISE_ALREADY_VALUED")
    PromiseChangeResponse open(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                         @PathVariable @ValidId @Parameter(example = "P-2026-0042") String promiseId,
                         @Valid @RequestBody OpenDisputeRequest body) {
        commands.send(customerId, new OpenDispute(customerId, promiseId, body.reason(), body.note()));
        return new PromiseChangeResponse(customerId, promiseId);
    }

    @PostMapping("/resolution")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "resolveDispute", summary = "Resolve a dispute",
            description = "Upheld withdraws the promise without weight; rejected resumes it with its dates moved.")
    @ApiResponse(responseCode = "201", description = "Resolved")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMISE_NOT_DISPUTED")
    PromiseChangeResponse resolve(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                            @PathVariable @ValidId @Parameter(example = "P-2026-0042") String promiseId,
                            @Valid @RequestBody ResolveDisputeRequest body) {
        commands.send(customerId, new ResolveDispute(customerId, promiseId, body.upheld(), body.note()));
        return new PromiseChangeResponse(customerId, promiseId);
    }
}
