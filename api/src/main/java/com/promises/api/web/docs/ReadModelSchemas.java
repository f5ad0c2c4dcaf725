package com.promises.api.web.docs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The answers' types that come from the read models and the domain (projections, core), which carry no
 * OpenAPI annotations because those modules know nothing of HTTP: what each is, which fields every answer
 * has, an example of each field and the values a text field takes. Money's amount is a decimal string, as
 * Money writes it. A type added to an answer is described here, or by {@code @Schema} where it lives in api.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ReadModelSchemas implements OpenApiCustomizer {

    /** What a type is, and the fields an answer may leave out (null fields are not written). */
    private record Described(String description, List<String> optional) {
    }

    private static Described described(String description, String... optional) {
        return new Described(description, List.of(optional));
    }

    private static final Map<String, Described> TYPES = Map.ofEntries(
            entry("Money", described("An amount in one ISO 4217 currency, with the currency's minor units")),
            entry("Allocation", described("The part of a payment that went to one promise")),
            entry("PromiseWarning", described("A doubt raised about a promise (DOMAIN.md rules 5 and 6); it is recorded all the same")),
            entry("CustomerSummary", described("A customer's reliability, overdue status and promises", "promises", "rebuilding")),
            entry("PromiseLine", described("One promise of the customer", "reason", "faith")),
            entry("Risk", described("The customer's ability to pay apart from their faith (seed 000), and what it calls for",
                    "situation", "since", "advice")),
            entry("OurCommitments", described("What we promised the customer: still open, and missed")),
            entry("Point", described("The score at the end of one date")),
            entry("StatusAsOf", described("The overdue status as it stood at an instant", "nextDueDate")),
            entry("Report", described("What customers owed at a period end, per currency and aging bucket",
                    "unreadableCustomers")),
            entry("CurrencyTotals", described("One currency's totals per aging bucket")),
            entry("Rejudged", described("A promise judged again after the money behind its judgement changed")),
            entry("Overdue", described("How late the customer is today, derived from due dates and the business clock",
                    "nextDueDate")),
            entry("Reliability", described("The reliability score as one policy version computes it, and what it counts")),
            entry("Page", described("A page of the worklist")),
            entry("History", described("Every event of the customer, oldest first")),
            entry("HistoryEvent", described("One event as stored, with who recorded it and when", "actor", "correlationId")),
            entry("Explanation", described("One event's effect on the score")),
            entry("ReliabilityAsOf", described("The score recomputed from the events recorded up to an instant", "asOf")),
            entry("Verification", described("The stored read model beside a fresh replay of the history, and the history's "
                    + "hash chain checked", "replayed", "firstBadSequence")),
            entry("DueReminder", described("A promise to remind on the day asked about")),
            entry("FollowUp", described("A next step after a broken promise", "closedAt", "lastStepTaken")),
            entry("RebuildProgress", described("The latest rebuild of the read models", "secondsLeft")),
            entry("ProjectionsStatus", described("Each read model's position in the event store", "rebuild")),
            entry("Processor", described("One read model's event processor")));

    private static final Map<String, String> NOTES = Map.ofEntries(
            entry("Money.amount", "A decimal string with the currency's minor units"),
            entry("Money.currency", "ISO 4217"),
            entry("CustomerSummary.promises", "Left out in worklist rows"),
            entry("CustomerSummary.rebuilding", "true while the read models are rebuilt and may not hold the whole history yet"),
            entry("PromiseLine.level", "1 for a first promise; each renegotiation is one level higher"),
            entry("Reliability.score", "0-100, one decimal"),
            entry("Overdue.nextDueDate", "Left out when nothing is owed"),
            entry("HistoryEvent.type", "The event's type, e.g. PromiseMade, PaymentRecorded, PromiseBroken"),
            entry("HistoryEvent.actor", "The signed-in user, or \"system\" for the service's own judgements"),
            entry("ReliabilityAsOf.asOf", "Left out when the query named no instant: then every event counts"),
            entry("FollowUp.closedAt", "Left out while the follow-up is open"),
            entry("RebuildProgress.secondsLeft", "Estimated; left out until something has been processed"),
            entry("ProjectionsStatus.rebuild", "Left out until a rebuild has been started"),
            entry("ProjectionsStatus.head", "The global index of the newest event"),
            entry("Processor.lag", "Events stored but not yet applied"),
            entry("PromiseLine.reason", "Why it was not paid, as last explained; left out when none was given"),
            entry("PromiseLine.faith", "GOOD, BAD or UNKNOWN, as last explained; left out when none was given"),
            entry("PromiseLine.excused", "Judged soon after one of our own missed commitments: it weighs nothing"),
            entry("FollowUp.severity", "Higher is more serious: the step's rank beside the amount still owed"),
            entry("FollowUp.lastStepTaken", "The last escalation step recorded for the promise; left out when none"),
            entry("Verification.chainIntact", "Every stored event carries the hash the chain's rule gives it"),
            entry("Verification.firstBadSequence", "The first event whose stored hash does not hold; left out when intact"),
            entry("Report.unreadableCustomers", "Customers whose history could not be replayed; left out when there are none"));

    /** An example per field name, or per Type.field where one name means different things. */
    private static final Map<String, Object> EXAMPLES = Map.ofEntries(
            entry("customerId", "hotel-zhonghua"),
            entry("promiseId", "P-2026-0042"),
            entry("CustomerSummary.name", "Hotel Zhonghua"),
            entry("Processor.name", "customer-summary"),
            entry("currency", "CNY"),
            entry("Money.amount", "1200.00"),
            entry("PromiseWarning.code", "UNWRITTEN_LARGE_AMOUNT"),
            entry("detail", "A verbal promise of 80000.00 CNY; above 50000.00 it belongs in writing"),
            entry("rebuilding", true),
            entry("dueDate", "2026-07-15"),
            entry("suggestedOn", "2026-07-12"),
            entry("nextDueDate", "2026-08-01"),
            entry("level", 1),
            entry("state", "OPEN"),
            entry("band", "C"),
            entry("suggestedStep", "CALL_OR_MESSAGE"),
            entry("score", new BigDecimal("62.5")),
            entry("policyVersion", "v1"),
            entry("kept", 3),
            entry("partiallyKept", 1),
            entry("broken", 1),
            entry("renegotiated", 0),
            entry("habitualBreaker", false),
            entry("Overdue.status", "OVERDUE"),
            entry("agingBucket", "1-30"),
            entry("replayBy", "bulk"),
            entry("daysOverdue", 12),
            entry("openPromises", 2),
            entry("page", 0),
            entry("size", 20),
            entry("Page.total", 137),
            entry("sequence", 4),
            entry("type", "PromiseBroken"),
            entry("recordedAt", "2026-07-19T00:05:00Z"),
            entry("actor", "system"),
            entry("correlationId", "req-7f3a9c"),
            entry("delta", new BigDecimal("-8.3")),
            entry("scoreAfter", new BigDecimal("41.7")),
            entry("asOf", "2026-07-20T00:00:00Z"),
            entry("consistent", true),
            entry("id", "7b0e4c1a-93d2-4c55-8f0e-2a6d1c9e5b31"),
            entry("openedAt", "2026-07-19T00:05:00Z"),
            entry("closedAt", "2026-07-21T10:30:00Z"),
            entry("running", false),
            entry("replaying", false),
            entry("startedAt", "2026-07-01T02:00:00Z"),
            entry("processed", 1_000_000),
            entry("RebuildProgress.total", 1_000_000),
            entry("eventsPerSecond", 52_000),
            entry("secondsLeft", 0),
            entry("head", 1_000_000),
            entry("position", 999_950),
            entry("lag", 50),
            entry("deadLetters", 0),
            entry("PromiseLine.reason", "CASH_FLOW"),
            entry("faith", "GOOD"),
            entry("excused", false),
            entry("severity", 25),
            entry("lastStepTaken", "PHONE"),
            entry("situation", "TEMPORARY_SHORTAGE"),
            entry("since", "2026-07-02"),
            entry("creditHold", false),
            entry("advice", "INSTALLMENT_PLAN"),
            entry("OurCommitments.open", 1),
            entry("OurCommitments.missed", 0),
            entry("chainIntact", true),
            entry("firstBadSequence", 3),
            entry("date", "2026-07-15"),
            entry("businessDate", "2026-07-20"),
            entry("customers", 42),
            entry("buckets", JsonNodeFactory.instance.objectNode()
                    .set("1-30", JsonNodeFactory.instance.objectNode().put("amount", "1200.00").put("currency", "CNY"))),
            entry("Rejudged.state", "BROKEN"),
            entry("Report.asOf", "2026-06-30"),
            entry("payload", JsonNodeFactory.instance.objectNode()
                    .put("customerId", "hotel-zhonghua").put("promiseId", "P-2026-0042").put("reason", "FUNDS_DIVERTED")));

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas.get("Money") != null) {
            schemas.get("Money").getProperties().put("amount", new StringSchema().pattern("^-?[0-9]+(\\.[0-9]+)?$"));
        }
        values(schemas, "Overdue", "status", "CURRENT", "DUE_SOON", "IN_GRACE", "OVERDUE", "DISPUTED");
        values(schemas, "Overdue", "agingBucket", "CURRENT", "1-30", "31-60", "61-90", "90+");
        values(schemas, "RebuildProgress", "replayBy", "bulk", "processors");
        TYPES.forEach((name, type) -> {
            Schema schema = schemas.get(name);
            if (schema != null) {
                describe(name, schema, type);
            }
        });
    }

    private static void describe(String name, Schema schema, Described type) {
        schema.description(type.description());
        Map<String, Schema> properties = schema.getProperties();
        properties.forEach((field, property) -> {
            String qualified = name + "." + field;
            if (NOTES.containsKey(qualified)) {
                property.description(NOTES.get(qualified));
            }
            boolean composite = property.get$ref() != null || "array".equals(property.getType());
            Object example = EXAMPLES.getOrDefault(qualified, EXAMPLES.get(field));
            if (!composite && property.getExample() == null && example != null) {
                property.example(example);
            }
        });
        schema.required(properties.keySet().stream().filter(field -> !type.optional().contains(field)).toList());
    }

    private static void values(Map<String, Schema> schemas, String type, String field, String... values) {
        Schema schema = schemas.get(type);
        if (schema != null) {
            Schema property = (Schema) schema.getProperties().get(field);
            property.setEnum(List.of(values));
        }
    }
}
