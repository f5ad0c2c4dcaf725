package com.promises.api.console.worklist;

import com.promises.core.overdue.AgingBucket;
import com.promises.core.scoring.Band;
import com.promises.projections.summary.CustomerSummaries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The worklist the API answers, filtered, sorted and paged by the same query; htmx swaps only the table. */
@Controller
class WorklistPage {

    static final List<String> STATUSES = List.of("CURRENT", "DUE_SOON", "IN_GRACE", "OVERDUE", "DISPUTED");
    static final List<String> SORTS = List.of("daysOverdue", "overdueAmount", "score");
    private static final int PAGE_SIZE = 20;

    private final CustomerSummaries summaries;

    WorklistPage(CustomerSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/console/worklist")
    String worklist(@RequestParam(required = false) String status, @RequestParam(required = false) Band band,
                    @RequestParam(required = false) Boolean creditHold, @RequestParam(required = false) String aging,
                    @RequestParam(defaultValue = "daysOverdue") String sort, @RequestParam(defaultValue = "0") int page,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
        String chosenSort = SORTS.contains(sort) ? sort : "daysOverdue";
        int chosenPage = Math.max(0, Math.min(page, 100_000));
        CustomerSummaries.Sort order = switch (chosenSort) {
            case "overdueAmount" -> CustomerSummaries.Sort.OVERDUE_AMOUNT;
            case "score" -> CustomerSummaries.Sort.SCORE;
            default -> CustomerSummaries.Sort.DAYS_OVERDUE;
        };
        AgingBucket bucket = aging == null ? null : AgingBucket.ofLabel(aging).orElse(null);
        CustomerSummaries.Page rows = summaries.worklist(chosenStatus, band, creditHold, bucket, order, chosenPage, PAGE_SIZE);
        model.addAttribute("agingCounts", summaries.agingCounts(chosenStatus, band, creditHold));
        model.addAttribute("aging", bucket == null ? null : bucket.label());
        model.addAttribute("buckets", AgingBucket.values());
        model.addAttribute("rows", rows);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("band", band);
        model.addAttribute("creditHold", creditHold);
        model.addAttribute("sort", chosenSort);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("bands", Band.values());
        model.addAttribute("sorts", SORTS);
        model.addAttribute("lastPage", Math.max(0, (rows.total() - 1) / PAGE_SIZE));
        return htmx != null ? "console/worklist :: table" : "console/worklist";
    }
}
