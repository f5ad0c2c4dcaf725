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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Collectors' worklists over HTTP, on business day Monday 15 June 2026. */
@IntegrationTest
@TestPropertySource(properties = "promises.clock.fixed=2026-06-15T09:00:00Z")
class RemindersAndFollowUpsTest {

    @Value("${local.server.port}")
    int port;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void remindersComeEarlierForLargerSumsAndSkipQuietDaysDisputesAndJudgedPromises() {
        String tiers = registered();
        String small = promise(tiers, "5000", "2026-06-20");      // 1 day ahead: 19 June
        String medium = promise(tiers, "50000", "2026-06-20");    // 3 days ahead: 17 June
        String large = promise(tiers, "200000", "2026-06-25");    // 7 days ahead: 18 June
        String quiet = registered();
        String quietPromise = promise(quiet, "2000", "2026-06-18");
        assertThat(post("/customers/" + quiet + "/promises/" + quietPromise + "/reminders", "{\"channel\": \"PHONE\"}")).isEqualTo(201);
        String disputed = registered();
        String disputedPromise = promise(disputed, "3000", "2026-06-18");
        assertThat(post("/customers/" + disputed + "/promises/" + disputedPromise + "/dispute", "{\"reason\": \"QUALITY_DISPUTE\"}"))
                .isEqualTo(201);
        String paid = registered();
        promise(paid, "4000", "2026-06-18");
        assertThat(post("/customers/" + paid + "/payments", "{\"amount\": \"4000\", \"currency\": \"CNY\", \"paidOn\": \"2026-06-15\"}"))
                .isEqualTo(201);
        List<String> ours = List.of(tiers, quiet, disputed, paid);
        // The schedule applies events in order: once a promise made after all of the above shows, so does the rest.
        String last = registered();
        promise(last, "1000", "2026-06-20");
        await(() -> due("2026-06-19", List.of(last)), list -> list.size() == 1);

        List<JsonNode> on17th = due("2026-06-17", ours);
        assertThat(on17th).hasSize(1);
        assertThat(on17th.get(0).path("promiseId").asText()).isEqualTo(medium);
        assertThat(on17th.get(0).path("suggestedOn").asText()).isEqualTo("2026-06-17");

        List<JsonNode> on18th = due("2026-06-18", ours);
        // the quiet days after the reminder of the 15th end on the 18th, and it was reminded before its suggested day
        assertThat(on18th).extracting(n -> n.path("promiseId").asText()).containsExactly(large, medium, quietPromise);
        assertThat(on18th.get(0).path("amount").path("amount").asText()).isEqualTo("200000.00");

        assertThat(due("2026-06-19", ours)).extracting(n -> n.path("promiseId").asText()).containsExactly(large, medium, small, quietPromise);
        assertThat(api.as(AUDITOR).get("/api/v1/reminders/due").status()).isEqualTo(400);
        assertThat(api.as(AUDITOR).get("/api/v1/reminders/due?on=soon").status()).isEqualTo(400);
    }

    @Test
    void brokenPromisesOpenFollowUpsOnTheEscalationLadderMostSeriousFirst() {
        String twice = registered();
        String first = promise(twice, "1000", "2026-06-20");
        assertThat(post("/customers/" + twice + "/promises/" + first + "/broken", "{\"reason\": \"CASH_FLOW\"}")).isEqualTo(201);
        String second = promise(twice, "1000", "2026-06-25"); // a new promise answers the first follow-up
        assertThat(post("/customers/" + twice + "/promises/" + second + "/broken", "{\"reason\": \"CASH_FLOW\"}")).isEqualTo(201);
        String refuses = registered();
        String refused = promise(refuses, "800", "2026-06-20");
        assertThat(post("/customers/" + refuses + "/promises/" + refused + "/broken", "{\"reason\": \"REFUSES\"}")).isEqualTo(201);
        String payer = registered();
        String settled = promise(payer, "300", "2026-06-20");
        assertThat(post("/customers/" + payer + "/promises/" + settled + "/broken", "{\"reason\": \"UNREACHABLE\"}")).isEqualTo(201);
        List<String> ours = List.of(twice, refuses, payer);

        List<JsonNode> open = await(() -> followUps(ours), list -> list.size() == 3);
        assertThat(open).extracting(n -> n.path("customerId").asText() + ":" + n.path("suggestedStep").asText())
                .containsExactly(refuses + ":LEGAL_REVIEW", twice + ":VISIT_AND_WRITTEN_PLAN", payer + ":CALL_OR_MESSAGE");

        assertThat(post("/customers/" + payer + "/payments", "{\"amount\": \"300\", \"currency\": \"CNY\", \"paidOn\": \"2026-06-15\"}"))
                .isEqualTo(201);
        await(() -> followUps(ours), list -> list.size() == 2);

        String id = open.get(1).path("id").asText();
        assertThat(api.as(AUDITOR).post("/api/v1/follow-ups/" + id + "/closure", "{\"note\": \"visited\"}").status()).isEqualTo(403);
        var closed = api.as(COLLECTOR).post("/api/v1/follow-ups/" + id + "/closure", "{\"note\": \"visited; plan signed\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        List<JsonNode> left = await(() -> followUps(ours), list -> list.size() == 1);
        assertThat(left.get(0).path("customerId").asText()).isEqualTo(refuses);
        var again = api.as(COLLECTOR).post("/api/v1/follow-ups/" + id + "/closure", "{\"note\": \"again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("FOLLOW_UP_NOT_OPEN");
        var unknown = api.as(COLLECTOR).post("/api/v1/follow-ups/no-such-item/closure", "{\"note\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("FOLLOW_UP_NOT_FOUND");
        assertThat(api.as(COLLECTOR).post("/api/v1/follow-ups/" + id + "/closure", "{}").status()).isEqualTo(400);
    }

    @Test
    void aThirdBreakAmongTheLastFiveValuedPromisesSendsAHabitualBreakerToLegalReview() {
        String habitual = registered();
        List<String> promiseIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // a new verbal promise answers a call or a message, not a visit
            promiseIds.add(promise(habitual, "500", "2026-06-2" + i));
            assertThat(post("/customers/" + habitual + "/promises/" + promiseIds.get(i) + "/broken", "{\"reason\": \"CASH_FLOW\"}"))
                    .isEqualTo(201);
        }
        String third = promiseIds.get(2);
        List<JsonNode> open = await(() -> followUps(List.of(habitual)),
                list -> list.stream().anyMatch(n -> n.path("promiseId").asText().equals(third)));
        assertThat(open).extracting(n -> n.path("promiseId").asText() + ":" + n.path("suggestedStep").asText())
                .containsExactly(third + ":LEGAL_REVIEW", promiseIds.get(1) + ":VISIT_AND_WRITTEN_PLAN");
    }

    private String registered() {
        return new Customers(api).registered();
    }

    private String promise(String customerId, String amount, String due) {
        return new Customers(api).promiseMade(customerId, amount, java.time.LocalDate.parse(due));
    }

    private int post(String path, String body) {
        return api.as(COLLECTOR).post("/api/v1" + path, body).status();
    }

    private List<JsonNode> due(String on, List<String> customers) {
        return only(api.as(COLLECTOR).get("/api/v1/reminders/due?on=" + on).json(), customers);
    }

    private List<JsonNode> followUps(List<String> customers) {
        return only(api.as(AUDITOR).get("/api/v1/follow-ups").json(), customers);
    }

    private static List<JsonNode> only(JsonNode items, List<String> customers) {
        List<JsonNode> result = new ArrayList<>();
        items.forEach(item -> {
            if (customers.contains(item.path("customerId").asText())) {
                result.add(item);
            }
        });
        return result;
    }

    /** The schedule is fed asynchronously: ask again until it shows what the commands did. */
    private static List<JsonNode> await(java.util.function.Supplier<List<JsonNode>> read, Predicate<List<JsonNode>> done) {
        return Await.value("the schedule catching up", read, done);
    }
}
