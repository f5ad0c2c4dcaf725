package com.promises.api.web.commitment;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.web.input.ValidId;
import com.promises.core.commitment.CommitmentAccepted;
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

/** DOMAIN.md rule 7: what we promised the customer, and how it went. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/our-commitments")
@Tag(name = "Our commitments", description = "Visits, calls, deliveries and documents we promised: our own promises count too")
class OurCommitmentCommands {

    private final CommandDispatcher commands;

    OurCommitmentCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a commitment of ours",
            description = "With no outcome by the end of the day after its due date, the service records it missed.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "DUPLICATE_COMMITMENT_ID: the id is taken by another commitment")
    @ApiResponse(responseCode = "422", description = "INVALID_DATE: due before today")
    OurCommitmentResponse make(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                               @Valid @RequestBody MakeOurCommitmentRequest body) {
        return new OurCommitmentResponse(commands.send(customerId, body.toCommand(customerId), CommitmentAccepted.class)
                .commitmentId());
    }

    @PostMapping("/{commitmentId}/outcome")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record how a commitment of ours ended",
            description = "A miss excuses the customer's promises whose windows close within promises.excuse-days after it "
                    + "(14 by default): judged as usual, they carry no weight in the score and open no follow-up.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND or COMMITMENT_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "COMMITMENT_ALREADY_ANSWERED, TOO_LATE_TO_CANCEL (after its due date), "
            + "COMMITMENT_NOT_DUE (missed before its due date)")
    CommitmentOutcomeResponse outcome(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                      @PathVariable @ValidId @Parameter(example = "C-2026-0007") String commitmentId,
                                      @Valid @RequestBody CommitmentOutcomeRequest body) {
        commands.send(customerId, body.toCommand(customerId, commitmentId));
        return new CommitmentOutcomeResponse(commitmentId, body.outcome());
    }
}
