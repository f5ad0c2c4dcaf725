package com.promises.api.web.report;

import com.promises.api.web.input.CalendarDate;
import com.promises.projections.audit.AgingReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Reports over every customer, from the event store. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Period-end figures across all customers, from the event store")
class AgingReports {

    private final AgingReport aging;

    AgingReports(AgingReport aging) {
        this.aging = aging;
    }

    @GetMapping("/aging")
    @Operation(operationId = "getAgingReport", summary = "What was owed at a period end, by currency and aging bucket", description = "As the books "
            + "stood at the end of asOf (the events recorded before the next day began in the business time zone): each "
            + "promise still owed counts its unpaid rest in the bucket of its own days past due on asOf (CURRENT: not "
            + "yet due). customers: how many owed something in that currency. Reads the whole event store: seconds to "
            + "a minute on a large one, with progress in the log.")
    @ApiResponse(responseCode = "200", description = "Totals per currency and aging bucket")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: asOf missing or not a date")
    AgingReport.Report aging(@RequestParam @CalendarDate @Parameter(example = "2026-06-30") LocalDate asOf) {
        return aging.asOf(asOf);
    }
}
