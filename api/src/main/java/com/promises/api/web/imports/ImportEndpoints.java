package com.promises.api.web.imports;

import com.promises.api.infrastructure.idempotency.IdempotencyKey;
import com.promises.api.imports.Imports;
import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Many commands at once, from a file")
class ImportEndpoints {

    static final String NDJSON = "application/x-ndjson";

    private final Imports imports;
    private final ImportLines lines;

    ImportEndpoints(Imports imports, ImportLines lines) {
        this.imports = imports;
        this.lines = lines;
    }

    @PostMapping(consumes = NDJSON)
    @Operation(operationId = "startImport", summary = "Import a file of commands",
            description = "One command a line: {\"command\": \"RegisterCustomer\", \"customerId\": ...} with the fields of that "
                    + "command's HTTP body, plus the ids its URL carries (customerId; promiseId, paymentId or commitmentId), "
                    + "and the ids a body may leave out (promiseId, paymentId, planId and each installment's promiseId, "
                    + "newPromiseId, commitmentId). Commands: RegisterCustomer, MakePromise, MakeInstallmentPlan, SendReminder, "
                    + "RecordPayment, ReversePayment, RecordBrokenPromise, ExplainOutcome, RenegotiatePromise, CancelPromise, "
                    + "OpenDispute, ResolveDispute, MakeOurCommitment, RecordOurCommitmentOutcome, RecordFinancialSituation, "
                    + "RecordEscalationStep. The file is received whole (up to promises.http.max-import-size, streamed, "
                    + "not promises.http.max-body-size), then applied in the background: each customer's lines in the "
                    + "file's order, customers in parallel. A line that is refused is listed with its number and problem code; "
                    + "the rest go on. Posting the same file again applies nothing twice: each applied line is remembered by "
                    + "the file's SHA-256 and the line's number. With an Idempotency-Key, a retry of the same file answers the "
                    + "import the first post started; the same key with another file is 422.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = NDJSON, schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = """
                            {"command": "RegisterCustomer", "customerId": "hotel-zhonghua", "name": "Hotel Zhonghua", "currency": "CNY"}
                            {"command": "MakePromise", "customerId": "hotel-zhonghua", "promiseId": "P-1", "amount": "1200.00", "currency": "CNY", "dueDate": "2026-07-15", "channel": "PHONE"}
                            {"command": "RecordPayment", "customerId": "hotel-zhonghua", "paymentId": "PAY-1", "amount": "1200.00", "currency": "CNY", "paidOn": "2026-07-14"}
                            """))))
    @ApiResponse(responseCode = "202", description = "Received; follow it at Location",
            headers = @Header(name = "Location", description = "The import's progress", schema = @Schema(type = "string")))
    ResponseEntity<ImportStarted> start(HttpServletRequest request) throws IOException {
        Imports.Started started = imports.start(request.getInputStream(), request.getHeader(IdempotencyKey.HEADER), lines);
        var answer = ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + started.importId()));
        if (started.replayed()) {
            answer.header(IdempotencyKey.REPLAYED, "true");
        }
        return answer.body(new ImportStarted(started.importId()));
    }

    @GetMapping("/{importId}")
    @Operation(operationId = "importProgress", summary = "An import's progress",
            description = "Counted every second while it runs; also logged every 5 seconds. A restart of the service ends a "
                    + "running import as FAILED; post the same file again to finish it.")
    @ApiResponse(responseCode = "200", description = "Where the import stands")
    @ApiResponse(responseCode = "404", description = "IMPORT_NOT_FOUND")
    ImportStatus progress(@PathVariable @Parameter(example = "0b6f2d2e-5c1a-4f4e-9a0e-3d7c2b1a9f10") UUID importId) {
        return imports.progress(importId).map(ImportStatus::of)
                .orElseThrow(() -> new ProblemException(ProblemCode.IMPORT_NOT_FOUND, "There is no import " + importId));
    }
}
