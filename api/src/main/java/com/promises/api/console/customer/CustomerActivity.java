package com.promises.api.console.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.projections.audit.CustomerAudit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the customer page reads from the history beside the summary: the payments, and our commitments still open. */
final class CustomerActivity {

    private CustomerActivity() {
    }

    /** A payment as the history recorded it. */
    record PaymentRow(long sequence, String paymentId, BigDecimal amount, String currency, LocalDate paidOn, Instant recordedAt,
                      String actor, boolean reversed) {
    }

    /** The payments as recorded, each marked when a reversal took it back. */
    static List<PaymentRow> payments(List<CustomerAudit.HistoryEvent> events) {
        Set<String> reversed = idsOf(events, "PaymentReversed", "paymentId");
        return events.stream().filter(event -> event.type().equals("PaymentRecorded")).map(event -> {
            JsonNode payload = event.payload();
            JsonNode amount = payload.path("amount");
            String paymentId = payload.path("paymentId").asText();
            return new PaymentRow(event.sequence(), paymentId, new BigDecimal(amount.path("amount").asText()),
                    amount.path("currency").asText(), LocalDate.parse(payload.path("paidOn").asText()), event.recordedAt(),
                    event.actor(), reversed.contains(paymentId));
        }).toList();
    }

    /** Our commitments still waiting for their outcome: what the outcome form can name. */
    static List<String> openCommitments(List<CustomerAudit.HistoryEvent> events) {
        Set<String> ended = idsOf(events, "OurCommitmentOutcomeRecorded", "commitmentId");
        return idsOf(events, "OurCommitmentMade", "commitmentId").stream().filter(id -> !ended.contains(id)).toList();
    }

    private static Set<String> idsOf(List<CustomerAudit.HistoryEvent> events, String type, String field) {
        Set<String> ids = new LinkedHashSet<>();
        events.stream().filter(event -> event.type().equals(type))
                .forEach(event -> ids.add(event.payload().path(field).asText()));
        return ids;
    }
}
