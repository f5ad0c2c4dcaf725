package com.promises.api.web.payment;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.web.input.ValidId;
import com.promises.core.payment.PaymentAccepted;
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
@RequestMapping("/api/v1/customers/{customerId}/payments")
@Tag(name = "Payments", description = "Money received")
class PaymentCommands {

    private final CommandDispatcher commands;

    PaymentCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payment",
            description = "Goes to the named promise, or to open promises oldest due date first; an overpayment stays as credit.")
    @ApiResponse(responseCode = "201", description = "Recorded, with its allocation")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "DUPLICATE_PAYMENT_ID: the id is taken by a different payment")
    @ApiResponse(responseCode = "422", description = "CURRENCY_MISMATCH...")
    RecordPaymentResponse recordPayment(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                        @Valid @RequestBody RecordPaymentRequest body) {
        return RecordPaymentResponse.of(commands.send(customerId, body.toCommand(customerId), PaymentAccepted.class));
    }
}
