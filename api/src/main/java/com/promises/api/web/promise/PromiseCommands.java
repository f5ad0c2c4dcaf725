package com.promises.api.web.promise;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.web.input.ValidId;
import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.ExplanationAccepted;
import com.promises.core.promise.MakeInstallmentPlan;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PlanAccepted;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.RecordBrokenPromise;
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
@RequestMapping("/api/v1/customers/{customerId}")
@Tag(name = "Promises", description = "Promises to pay: made, planned, broken, renegotiated, cancelled")
class PromiseCommands {

    private final CommandDispatcher commands;

    PromiseCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/promises")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a promise to pay",
            description = "Doubts (far above the payment history, large and verbal...) come back as warnings; the promise is recorded anyway.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "DUPLICATE_PROMISE_ID: the id is taken by a different promise")
    @ApiResponse(responseCode = "422", description = "CURRENCY_MISMATCH, INVALID_DATE...: the account refuses the values")
    PromiseResponse makePromise(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                @Valid @RequestBody MakePromiseRequest body) {
        MakePromise command = body.toCommand(customerId);
        return PromiseResponse.of(commands.send(customerId, command, PromiseAccepted.class));
    }

    @PostMapping("/installment-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an installment plan", description = "One promise per installment, all agreed at once.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "DUPLICATE_PLAN_ID or DUPLICATE_PROMISE_ID")
    @ApiResponse(responseCode = "422", description = "INVALID_PLAN, CURRENCY_MISMATCH...")
    InstallmentPlanResponse makeInstallmentPlan(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                     @Valid @RequestBody InstallmentPlanRequest body) {
        MakeInstallmentPlan command = body.toCommand(customerId);
        return InstallmentPlanResponse.of(commands.send(customerId, command, PlanAccepted.class));
    }

    @PostMapping("/promises/{promiseId}/broken")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordBrokenPromise", summary = "Record that the customer broke a promise", description = "Values the promise as broken now, with the reason.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMISE_ALREADY_VALUED, PROMISE_DISPUTED")
    PromiseChangeResponse recordBroken(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                 @PathVariable @ValidId @Parameter(example = "P-2026-0042") String promiseId,
                                 @Valid @RequestBody RecordBrokenPromiseRequest body) {
        commands.send(customerId, new RecordBrokenPromise(customerId, promiseId, body.reason(), body.note()));
        return new PromiseChangeResponse(customerId, promiseId);
    }

    @PostMapping("/promises/{promiseId}/explanation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Explain why a promise was not kept",
            description = "For a promise judged broken or partially kept, by a collector or by the clock. The latest "
                    + "explanation is the one the score and the follow-up go by (a refusal weighs double); the history keeps "
                    + "every one. ACCOUNTS_FROZEN also records the customer's financial situation.")
    @ApiResponse(responseCode = "201", description = "Recorded; the reason and faith now on record")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMISE_NOT_BROKEN: the promise is open, kept, renegotiated, cancelled or disputed")
    @ApiResponse(responseCode = "422", description = "INVALID_FAITH: another faith than the reason's needs a note")
    ExplanationResponse explain(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                @PathVariable @ValidId @Parameter(example = "P-2026-0042") String promiseId,
                                @Valid @RequestBody ExplainOutcomeRequest body) {
        return ExplanationResponse.of(commands.send(customerId, body.toCommand(customerId, promiseId), ExplanationAccepted.class));
    }

    @PostMapping("/promises/{promiseId}/renegotiation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "renegotiatePromise", summary = "Renegotiate a promise",
            description = "Closes the promise and opens a new one, one level higher, with the new date and amount.")
    @ApiResponse(responseCode = "201", description = "The new promise")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMISE_ALREADY_VALUED, PROMISE_DISPUTED, DUPLICATE_PROMISE_ID")
    @ApiResponse(responseCode = "422", description = "INVALID_DATE, CURRENCY_MISMATCH...")
    PromiseResponse renegotiate(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                @PathVariable @ValidId @Parameter(example = "P-2026-0042") String promiseId,
                                @Valid @RequestBody RenegotiationRequest body) {
        return PromiseResponse.of(commands.send(customerId, body.toCommand(customerId, promiseId), PromiseAccepted.class));
    }

    @PostMapping("/promises/{promiseId}/cancellation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "cancelPromise", summary = "Cancel a promise", description = "For a promise recorded by mistake or no longer owed; it carries no weight in the score.")
    @ApiResponse(responseCode = "201", description = "Cancelled")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or PROMISE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMISE_ALREADY_VALUED")
    PromiseChangeResponse cancel(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                           @PathVariable @ValidId @Parameter(example = "P-2026-0042") String promiseId,
                           @Valid @RequestBody CancelPromiseRequest body) {
        commands.send(customerId, new CancelPromise(customerId, promiseId, body.note()));
        return new PromiseChangeResponse(customerId, promiseId);
    }
}
