package com.promises.api.web.followup;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.ProblemException;
import com.promises.core.account.Rejection;
import com.promises.core.followup.CloseFollowUp;
import com.promises.projections.schedule.PromiseSchedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Collectors' daily work: which broken promises need a next step. */
@RestController
@RequestMapping("/api/v1/follow-ups")
@Tag(name = "Reminders and follow-ups", description = "Reminder planning and the follow-ups after broken promises")
class FollowUpEndpoints {

    private final PromiseSchedule schedule;
    private final CommandDispatcher commands;

    FollowUpEndpoints(PromiseSchedule schedule, CommandDispatcher commands) {
        this.schedule = schedule;
        this.commands = commands;
    }

    @GetMapping
    @Operation(operationId = "listFollowUps", summary = "Open follow-ups after broken promises, most serious first")
    List<PromiseSchedule.FollowUp> followUps() {
        return schedule.openFollowUps();
    }

    @PostMapping("/{id}/closure")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "closeFollowUp", summary = "Close a follow-up",
            description = "Records what the collector did; the item leaves the list.")
    @ApiResponse(responseCode = "201", description = "Closed")
    @ApiResponse(responseCode = "404", description = "FOLLOW_UP_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "FOLLOW_UP_NOT_OPEN: already closed")
    FollowUpResponse close(@PathVariable @Parameter(example = "7b0e4c1a-93d2-4c55-8f0e-2a6d1c9e5b31") String id,
                           @Valid @RequestBody CloseFollowUpRequest body) {
        var followUp = schedule.followUp(id)
                .orElseThrow(() -> new ProblemException(ProblemCode.FOLLOW_UP_NOT_FOUND, "There is no follow-up " + id));
        if (followUp.closedAt() != null) {
            throw Rejection.FOLLOW_UP_NOT_OPEN.because("Follow-up " + id + " was closed at " + followUp.closedAt());
        }
        commands.send(followUp.customerId(), new CloseFollowUp(followUp.customerId(), followUp.promiseId(), body.note()));
        return new FollowUpResponse(id, followUp.customerId(), followUp.promiseId());
    }
}
