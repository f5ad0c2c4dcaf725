package com.promises.api.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.api.infrastructure.problem.InvalidRequestException;
import com.promises.api.web.input.CalendarDate;
import com.promises.api.web.input.ValidId;
import com.promises.projections.audit.CustomerAudit;
import com.promises.projections.audit.CustomerBundle;
import com.promises.projections.audit.PastStanding;
import com.promises.core.scoring.ReliabilityPolicies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What auditors read of one customer: the history as stored (also as a signed bundle), the score and the overdue
 * status as they stood, and a check of the read model and of the history's hash chain.
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers and audit", description = "Reliability, overdue status, worklists, history, as-of scores")
class AuditQueries {

    private static final String EXPORT_EXAMPLE = """
            {"sequence":0,"type":"CustomerRegistered","recordedAt":"2026-07-01T09:00:00Z","actor":"collector","correlationId":"req-1","payload":{"customerId":"hotel-zhonghua","name":"Hotel Zhonghua","currency":"CNY"}}
            {"sequence":1,"type":"PromiseMade","recordedAt":"2026-07-01T09:05:00Z","actor":"collector","correlationId":"req-2","payload":{"customerId":"hotel-zhonghua","promiseId":"P-1","dueDate":"2026-07-15"}}
            """;

    private final CustomerAudit audit;
    private final CustomerBundle bundle;
    private final PastStanding past;
    private final ObjectMapper json;

    AuditQueries(CustomerAudit audit, CustomerBundle bundle, PastStanding past, ObjectMapper json) {
        this.audit = audit;
        this.bundle = bundle;
        this.past = past;
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
    @Operation(operationId = "getReliabilityAsOf", summary = "The score as it stood at an instant", description = "Recomputed from the events recorded up "
            + "to that instant, with each event's effect on the score, under the policy in force then (named in "
            + "policyVersion) unless policy asks for another. Without asOf: every event, under the policy in force now. "
            + "An instant before the first event answers the starting state.")
    @ApiResponse(responseCode = "200", description = "The score then, and how each event moved it")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: asOf is not an instant, or policy is unknown")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    CustomerAudit.ReliabilityAsOf reliability(
            @PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
            @RequestParam(required = false) @Parameter(example = "2026-07-01T00:00:00Z",
                    description = "An ISO-8601 instant; left out, every event so far counts") Instant asOf,
            @RequestParam(required = false) @Parameter(example = "v1", description = "a scoring policy version") String policy) {
        return audit.reliabilityAsOf(customerId, asOf, knownPolicy(policy)); // asOf absent: every event so far
    }

    @GetMapping("/{customerId}/reliability/series")
    @Operation(operationId = "getReliabilitySeries", summary = "The score over a range of dates, for charts", description = "One point per step from "
            + "`from` to `to`: the score at the end of that date (events recorded before the next day began in the "
            + "business time zone), under the policy in force then unless policy asks for another. At most "
            + PastStanding.MAX_POINTS + " points.")
    @ApiResponse(responseCode = "200", description = "One point per step, oldest first")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: from after to, more than "
            + PastStanding.MAX_POINTS + " points, or an unknown step or policy")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    List<PastStanding.Point> series(
            @PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
            @RequestParam @CalendarDate @Parameter(example = "2026-01-01") LocalDate from,
            @RequestParam @CalendarDate @Parameter(example = "2026-06-30") LocalDate to,
            @RequestParam(defaultValue = "DAY") @Parameter(example = "WEEK") PastStanding.Step step,
            @RequestParam(required = false) @Parameter(example = "v1") String policy) {
        if (from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to (" + to + ")");
        }
        long points = PastStanding.points(from, to, step);
        if (points > PastStanding.MAX_POINTS) {
            throw new InvalidRequestException("to", "gives " + points + " points by " + step + "; a series has at most "
                    + PastStanding.MAX_POINTS);
        }
        return past.series(customerId, from, to, step, knownPolicy(policy));
    }

    @GetMapping("/{customerId}/status")
    @Operation(operationId = "getStatusAsOf", summary = "The overdue status as it stood at an instant", description = "From the events recorded up "
            + "to that instant, judged on its business date (in the business time zone), by the rules of today's status. "
            + "An instant before the first event answers the starting state: nothing owed.")
    @ApiResponse(responseCode = "200", description = "The overdue status on the business date of that instant")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: asOf missing or not an instant")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    PastStanding.StatusAsOf status(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
                                   @RequestParam @Parameter(example = "2026-07-01T00:00:00Z") Instant asOf) {
        return past.status(customerId, asOf);
    }

    @GetMapping("/{customerId}/audit/verify")
    @Operation(operationId = "verifyReadModel", summary = "The read model against a fresh replay of the history")
    @ApiResponse(responseCode = "200", description = "Both summaries, and whether they agree")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    CustomerAudit.Verification verify(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId) {
        return audit.verify(customerId);
    }

    @GetMapping(value = "/{customerId}/export", produces = "application/x-ndjson")
    @Operation(operationId = "exportHistory", summary = "The history as NDJSON, or as a signed bundle", description = "One event a line, complete and "
            + "in order. With format=bundle: a header line {format, customerId, keyId, algorithm, publicKey, "
            + "policies:[{version, from}]}, each event as above with its payloadType, its payload in canonical JSON and its "
            + "hash in the customer's SHA-256 chain, and a footer {head, signature, score, band, policyVersion, events}: "
            + "the service's Ed25519 signature over the customer, head, policy, score and band. Check it offline with "
            + "java -jar promises-verify.jar.")
    @ApiResponse(responseCode = "200", description = "application/x-ndjson: each line one HistoryEvent as JSON (with format=bundle: "
            + "a header, the events with their hashes, a footer)",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string", format = "binary"),
                    examples = @ExampleObject(name = "history", value = EXPORT_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: a format other than bundle")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
            @RequestParam(required = false) @Pattern(regexp = "bundle") @Parameter(example = "bundle") String format) {
        if (!audit.exists(customerId)) {
            audit.history(customerId); // throws CUSTOMER_NOT_FOUND
        }
        boolean sealed = format != null;
        StreamingResponseBody body = sealed ? out -> bundle.write(customerId, out)
                : HistoryDownload.events(audit, json, customerId);
        return HistoryDownload.attachment(customerId + (sealed ? ".bundle" : "") + ".ndjson", body);
    }

    /** The policy version asked for, or null; an unknown one is a bad request, not a missing resource. */
    private static String knownPolicy(String version) {
        if (version != null && !ReliabilityPolicies.versions().contains(version)) {
            throw new InvalidRequestException("policy", "must be one of " + ReliabilityPolicies.versions());
        }
        return version;
    }
}
