package com.promises.api.console.audit;

import com.promises.api.web.audit.HistoryDownload;
import com.promises.projections.audit.CustomerAudit;
import com.promises.projections.audit.CustomerBundle;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;

/**
 * An auditor's view of one customer, read from the event store: the history, the score as it stood at a chosen
 * instant with the effect of each event, the read model and the hash chain checked, and the history's export.
 */
@Controller
class AuditPage {

    /** Events per page of the history table; the export has them all. */
    static final int HISTORY_PAGE = 100;

    private final CustomerAudit audit;
    private final CustomerBundle bundle;
    private final ObjectMapper json;

    AuditPage(CustomerAudit audit, CustomerBundle bundle, ObjectMapper json) {
        this.audit = audit;
        this.bundle = bundle;
        this.json = json;
    }

    @GetMapping("/console/customers/{customerId}/audit")
    String audit(@PathVariable String customerId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        CustomerAudit.History history = audit.history(customerId);
        List<CustomerAudit.HistoryEvent> events = history.events();
        int lastPage = Math.max(0, (events.size() - 1) / HISTORY_PAGE);
        int shown = Math.max(0, Math.min(page, lastPage));
        model.addAttribute("customerId", customerId);
        model.addAttribute("events", events);
        model.addAttribute("pageEvents", events.subList(shown * HISTORY_PAGE, Math.min(events.size(), (shown + 1) * HISTORY_PAGE)));
        model.addAttribute("page", shown);
        model.addAttribute("lastPage", lastPage);
        model.addAttribute("asOf", asOf);
        model.addAttribute("standing", audit.reliabilityAsOf(customerId, asOf));
        return "console/audit";
    }

    /**
     * The read model against a fresh replay, the hash chain, and the signed bundle's footer checked against the served
     * public key: passes over the whole history, loaded after the page.
     */
    @GetMapping("/console/customers/{customerId}/audit/verify")
    String verify(@PathVariable String customerId, Model model) {
        model.addAttribute("customerId", customerId);
        model.addAttribute("verification", audit.verify(customerId));
        model.addAttribute("seal", bundle.seal(customerId));
        return "console/audit :: verification";
    }

    @GetMapping(value = "/console/customers/{customerId}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String customerId) {
        if (!audit.exists(customerId)) {
            audit.history(customerId); // CUSTOMER_NOT_FOUND before anything is streamed
        }
        return HistoryDownload.attachment(customerId + ".ndjson", HistoryDownload.events(audit, json, customerId));
    }

    /** The signed bundle, as the API's export with format=bundle gives it, for the offline verifier. */
    @GetMapping(value = "/console/customers/{customerId}/bundle")
    ResponseEntity<StreamingResponseBody> signedBundle(@PathVariable String customerId) {
        if (!audit.exists(customerId)) {
            audit.history(customerId); // CUSTOMER_NOT_FOUND before anything is streamed
        }
        return HistoryDownload.attachment(customerId + ".bundle.ndjson", out -> bundle.write(customerId, out));
    }
}
