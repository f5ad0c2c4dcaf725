package com.promises.api.web.customer;

import com.promises.api.web.input.ValidId;
import com.promises.core.scoring.Band;
import com.promises.projections.summary.CustomerSummaries;
import com.promises.projections.summary.CustomerSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What managers read: a customer's summary and the worklist. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers and audit", description = "Reliability, overdue status, worklists, history, as-of scores")
class CustomerQueries {

    private final CustomerSummaries summaries;

    CustomerQueries(CustomerSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/{customerId}")
    @Operation(operationId = "getCustomerSummary", summary = "A customer's summary",
            description = "Reliability, today's overdue status and every promise. "
                    + "Waits briefly until the read model holds the customer's newest event.")
    @ApiResponse(responseCode = "200", description = "The summary")
    @ApiResponse(responseCode = "404", description = "CUSTOMER_NOT_FOUND")
    CustomerSummary summary(@PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId) {
        return summaries.get(customerId);
    }

    @GetMapping
    @Operation(operationId = "listWorklist", summary = "The worklist",
            description = "Customers filtered by overdue status, band and credit hold, sorted by days overdue (default), "
                    + "overdue amount or score, a page at a time.")
    CustomerSummaries.Page worklist(
            @RequestParam(required = false) @Pattern(regexp = "CURRENT|DUE_SOON|IN_GRACE|OVERDUE|DISPUTED")
            @Parameter(example = "OVERDUE", schema = @Schema(type = "string",
                    allowableValues = {"CURRENT", "DUE_SOON", "IN_GRACE", "OVERDUE", "DISPUTED"})) String status,
            @RequestParam(required = false) @Parameter(example = "D") Band band,
            @RequestParam(required = false) @Parameter(example = "true",
                    description = "true: only customers whose financial situation holds credit; false: only the others")
            Boolean creditHold,
            @RequestParam(defaultValue = "daysOverdue") @Pattern(regexp = "daysOverdue|overdueAmount|score")
            @Parameter(schema = @Schema(type = "string", defaultValue = "daysOverdue",
                    allowableValues = {"daysOverdue", "overdueAmount", "score"})) String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        CustomerSummaries.Sort order = switch (sort) {
            case "overdueAmount" -> CustomerSummaries.Sort.OVERDUE_AMOUNT;
            case "score" -> CustomerSummaries.Sort.SCORE;
            default -> CustomerSummaries.Sort.DAYS_OVERDUE;
        };
        return summaries.worklist(status, band, creditHold, order, page, size);
    }
}
