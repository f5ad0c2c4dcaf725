package com.promises.api.web.situation;

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

/** Seed 000: what a collector learnt of the customer's ability to pay. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/financial-situation")
@Tag(name = "Financial situation", description = "The customer's ability to pay, and the credit hold and advice it calls for")
class FinancialSituationCommands {

    private final CommandDispatcher commands;

    FinancialSituationCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the customer's financial situation",
            description = "Frozen accounts and funds put elsewhere call for a credit hold whatever the faith; a temporary "
                    + "shortage or a fixed monthly income for an installment plan sized to it; chain debt for more time; "
                    + "RECOVERED lifts the hold and advises reminding them to pay. The summary shows it as risk.")
    @ApiResponse(responseCode = "201", description = "Recorded (the same situation and note again records nothing new)")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    FinancialSituationResponse record(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                      @Valid @RequestBody FinancialSituationRequest body) {
        commands.send(customerId, body.toCommand(customerId));
        return FinancialSituationResponse.of(customerId, body.situation());
    }
}
