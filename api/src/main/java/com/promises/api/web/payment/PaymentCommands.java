package com.promises.api.web.payment;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.web.input.ValidId;
import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.ReversalAccepted;
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
            description = "Goes to the named promise, or to open promises oldest due date first; an overpayment stays as credit. "
                    + "Dated inside the window of a promise already judged, it judges that promise again.")
    @ApiResponse(responseCode = "201", description = "Recorded, with its allocation")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "DUPLICATE_PAYMENT_ID: the id is taken by a different payment")
    @ApiResponse(responseCode = "422", description = "CURRENCY_MISMATCH...")
    RecordPaymentResponse recordPayment(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                        @Valid @RequestBody RecordPaymentRequest body) {
        return RecordPaymentResponse.of(commands.send(customerId, body.toCommand(customerId), PaymentAccepted.class));
    }

    @PostMapping("/{paymentId}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reverse a payment",
            description = "A bounced transfer or cheque, a chargeback, a record made in error. Every cent comes back from where "
                    + "it went; each promise it paid whose judgement no longer stands is judged again at once (a window that "
                    + "has not closed yet reopens). The earlier judgement stays in the history.")
    @ApiResponse(responseCode = "201", description = "Reversed, with the promises judged again")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PAYMENT_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PAYMENT_ALREADY_REVERSED")
    ReversalResponse reverse(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                             @PathVariable @ValidId @Parameter(example = "PAY-2026-0311") String paymentId,
                             @Valid @RequestBody ReversePaymentRequest body) {
        return ReversalResponse.of(commands.send(customerId, body.toCommand(customerId, paymentId), ReversalAccepted.class));
    }
}
