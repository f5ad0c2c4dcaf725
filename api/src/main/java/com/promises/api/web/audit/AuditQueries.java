package com.promises.api.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.api.web.input.ValidId;
import com.promises.projections.audit.CustomerAudit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** What auditors read of one customer: the history as stored, the score over time, and a check of the read model. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers and audit", description = "Reliability, overdue status, worklists, history, as-of scores")
class AuditQueries {

    private static final String EXPORT_EXAMPLE = """
            {"sequence":0,"type":"CustomerRegistered","recordedAt":"2026-07-01T09:00:00Z","actor":"collector","correlationId":"req-1","payload":{"customerId":"hotel-zhonghua","name":"Hotel Zhonghua","currency":"CNY"}}
            {"sequence":1,"type":"PromiseMade","recordedAt":"2026-07-01T09:05:00Z","actor":"collector","correlationId":"req-2","payload":{"customerId":"hotel-zhonghua","promiseId":"P-1","dueDate":"2026-07-15"}}
            """;

    private final CustomerAudit audit;
    private final ObjectMapper json;

    AuditQueries(CustomerAudit audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/{customerId}/history")
    @Operation(operationId = "getHistory", summary = "Every event of the customer, oldest first",
            description = "With who recorded it, when, its correlation id and the payload as stored.")
    @ApiResponse(responseCode = "200", description = "The history")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    CustomerAudit.History history(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId) {
        return audit.history(customerId);
    }

    @GetMapping("/{customerId}/reliability")
    @Operation(operationId = "getReliabilityAsOf", summary = "The score as it stood at an instant",
            description = "Recomputed from the events recorded up to that instant, with each event's effect on the score.")
    @ApiResponse(responseCode = "200", description = "The score then, and how each event moved it")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    CustomerAudit.ReliabilityAsOf reliability(
            @PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
            @RequestParam(required = false) @Parameter(example = "2026-07-01T00:00:00Z",
                    description = "An ISO-8601 instant; left out, every event so far counts") Instant asOf) {
        return audit.reliabilityAsOf(customerId, asOf); // absent: every event so far
    }

    @GetMapping("/{customerId}/audit/verify")
    @Operation(operationId = "verifyReadModel", summary = "The read model against a fresh replay of the history")
    @ApiResponse(responseCode = "200", description = "Both summaries, and whether they agree")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    CustomerAudit.Verification verify(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId) {
        return audit.verify(customerId);
    }

    @GetMapping(value = "/{customerId}/export", produces = "application/x-ndjson")
    @Operation(operationId = "exportHistory", summary = "The history as NDJSON",
            description = "One event a line, complete and in order, streamed as it is read: a download to read line by line.")
    @ApiResponse(responseCode = "200", description = "application/x-ndjson: each line one HistoryEvent as JSON",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string", format = "binary"),
                    examples = @ExampleObject(name = "history", value = EXPORT_EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId) {
        if (!audit.exists(customerId)) {
            audit.history(customerId); // throws CUSTOMER_NOT_FOUND
        }
        StreamingResponseBody body = out -> audit.stream(customerId, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + customerId + ".ndjson\"")
                .body(body);
    }
}
