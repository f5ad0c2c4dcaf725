package com.promises.api.valuation;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import java.util.function.Predicate;
import java.util.function.Supplier;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's walk-through as a test, on business day Monday 15 June 2026: a break judged by the clock, explained as a
 * refusal, and the follow-up that follows it up the ladder (DOMAIN.md rules 4 and 8), with the score at each step.
 */
@IntegrationTest
@TestPropertySource(properties = "promises.clock.fixed=2026-06-15T09:00:00Z")
class JudgedByTheClockTest {

    @Value("${local.server.port}")
    int port;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aBreakJudgedByTheClockExplainedAsARefusalCallsForLegalReviewUntilAWrittenPlanAnswersIt() {
        String customerId = new Customers(api).registered();
        var made = post(customerId, "/promises", """
                {"promiseId": "P-1", "amount": "1200.00", "currency": "CNY", "madeOn": "2026-05-25", "dueDate": "2026-06-05",
                 "channel": "PHONE"}""");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        JsonNode broken = api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/history").json().path("events").get(2);
        assertThat(broken.path("type").asText()).isEqualTo("PromiseBroken");
        assertThat(broken.path("payload").path("valuedBy").asText()).isEqualTo("SYSTEM");
        JsonNode first = await(() -> followUp(customerId), f -> f != null);
        assertThat(first.path("suggestedStep").asText()).isEqualTo("CALL_OR_MESSAGE");
        assertThat(first.path("severity").asInt()).isEqualTo(10);
        assertThat(score(customerId)).isEqualTo("40.0");

        var explained = post(customerId, "/promises/P-1/explanation", "{\"reason\": \"REFUSES\", \"note\": \"says he owes nothing\"}");
        assertThat(explained.status()).as(explained.toString()).isEqualTo(201);
        JsonNode legal = await(() -> followUp(customerId), f -> f.path("suggestedStep").asText().equals("LEGAL_REVIEW"));
        assertThat(legal.path("severity").asInt()).isEqualTo(30);
        assertThat(score(customerId)).isEqualTo("33.3");

        assertThat(post(customerId, "/escalations", "{\"step\": \"PHONE\", \"promiseId\": \"P-1\"}").status()).isEqualTo(201);
        JsonNode called = await(() -> followUp(customerId), f -> f.path("lastStepTaken").asText().equals("PHONE"));
        assertThat(called.path("suggestedStep").asText()).isEqualTo("LEGAL_REVIEW");
        assertThat(post(customerId, "/promises", """
                {"promiseId": "P-2", "amount": "1200.00", "currency": "CNY", "dueDate": "2026-06-30", "channel": "PHONE"}""")
                .status()).isEqualTo(201);
        assertThat(post(customerId, "/escalations", """
                {"step": "WRITTEN_PLAN", "promiseId": "P-1", "documentReference": "DOC-7"}""").status()).isEqualTo(201);
        await(() -> followUp(customerId), f -> f == null); // the verbal promise left it open; the written plan answered it
        assertThat(api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/history").json().path("events")
                .findValuesAsText("type")).containsSequence("PromiseMade", "EscalationStepRecorded");
    }

    private Api.Answer post(String customerId, String path, String body) {
        return api.as(COLLECTOR).post("/api/v1/customers/" + customerId + path, body);
    }

    private String score(String customerId) {
        return api.as(AUDITOR).get("/api/v1/customers/" + customerId).json().path("reliability").path("score").asText();
    }

    /** The customer's one open follow-up, or null. */
    private JsonNode followUp(String customerId) {
        for (JsonNode item : api.as(AUDITOR).get("/api/v1/follow-ups").json()) {
            if (item.path("customerId").asText().equals(customerId)) {
                return item;
            }
        }
        return null;
    }

    /** The schedule is fed asynchronously: ask again until it shows what the commands did. */
    private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done) {
        return Await.value("the schedule catching up", read, done);
    }
}
