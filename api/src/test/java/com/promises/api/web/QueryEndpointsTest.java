package com.promises.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import com.promises.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.time.Instant;
import java.time.LocalDate;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side over HTTP: what a collector, a manager and an auditor see after a few commands. */
@IntegrationTest
class QueryEndpointsTest {

    @Value("${local.server.port}")
    int port;

    Api api;
    Customers customers;
    String customerId;
    String promiseId;
    Instant setUpFrom;

    @BeforeEach
    void aCustomerWithAPromiseAPaymentAndABrokenPromise() {
        setUpFrom = TestClock.INSTANCE.instant();
        api = new Api(port);
        customers = new Customers(api);
        customerId = customers.registered();
        LocalDate today = Customers.today();
        promiseId = customers.promiseMade(customerId, "1000.00", today.plusDays(10));
        String late = customers.promiseMade(customerId, "250.00", today.plusDays(20));
        assertThat(api.as(COLLECTOR).post(path("/payments"),
                "{\"amount\": \"400\", \"currency\": \"CNY\", \"paidOn\": \"" + today + "\"}").status()).isEqualTo(201);
        assertThat(api.as(COLLECTOR).post(path("/promises/" + late + "/broken"), "{\"reason\": \"REFUSES\"}").status())
                .isEqualTo(201);
    }

    @Test
    void aCollectorReadsTheSummaryRightAfterTheCommands() {
        var answer = api.as(COLLECTOR).get(path(""));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode summary = answer.json();
        assertThat(summary.path("customerId").asText()).isEqualTo(customerId);
        assertThat(summary.path("currency").asText()).isEqualTo("CNY");
        // one refusal, weight 2: 100 x 2 / 6 = 33.3
        assertThat(summary.path("reliability").path("score").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(summary.path("reliability").path("band").asText()).isEqualTo("D");
        assertThat(summary.path("reliability").path("policyVersion").asText()).isEqualTo("v1");
        assertThat(summary.path("reliability").path("broken").asInt()).isEqualTo(1);
        assertThat(summary.path("overdue").path("status").asText()).isEqualTo("CURRENT");
        assertThat(summary.path("overdue").path("overdueAmount").path("amount").asText()).isEqualTo("0.00");
        assertThat(summary.path("overdue").path("agingBucket").asText()).isEqualTo("CURRENT");
        assertThat(summary.path("overdue").path("openPromises").asInt()).isEqualTo(1);
        assertThat(summary.path("overdue").path("nextDueDate").asText()).isEqualTo(Customers.today().plusDays(10).toString());
        JsonNode first = summary.path("promises").get(0);
        assertThat(first.path("promiseId").asText()).isEqualTo(promiseId);
        assertThat(first.path("paid").path("amount").asText()).isEqualTo("400.00");
        assertThat(first.path("state").asText()).isEqualTo("OPEN");
        assertThat(first.path("level").asInt()).isEqualTo(1);
        assertThat(summary.path("promises").get(1).path("state").asText()).isEqualTo("BROKEN");
    }

    @Test
    void theWorklistFiltersByBandAndPages() throws Exception {
        // the worklist is eventually consistent: ask until the read model has the customer's events
        var answer = Await.value(customerId + " on the worklist",
                () -> api.as(AUDITOR).get("/api/v1/customers?band=D&sort=score&page=0&size=200"),
                a -> a.json().path("items").findValuesAsText("customerId").contains(customerId));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("items").findValuesAsText("customerId")).contains(customerId);
        assertThat(answer.json().path("items").get(0).has("promises")).isFalse();
        assertThat(api.as(AUDITOR).get("/api/v1/customers?band=A").json().path("items").findValuesAsText("customerId"))
                .doesNotContain(customerId);
        assertThat(api.as(AUDITOR).get("/api/v1/customers?status=LATE").status()).isEqualTo(400);
        assertThat(api.as(AUDITOR).get("/api/v1/customers?size=0").status()).isEqualTo(400);
    }

    @Test
    void anAuditorReadsTheWholeHistoryWithWhoRecordedEachEvent() {
        var answer = api.as(AUDITOR).get(path("/history"));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode events = answer.json().path("events");
        assertThat(events.findValuesAsText("type")).containsExactly("CustomerRegistered", "PromiseMade", "PromiseMade",
                "PaymentRecorded", "PromiseBroken");
        assertThat(events.get(0).path("sequence").asLong()).isZero();
        assertThat(events.get(4).path("actor").asText()).isEqualTo("collector");
        assertThat(events.get(4).path("correlationId").asText()).isNotBlank();
        assertThat(events.get(4).path("payload").path("reason").asText()).isEqualTo("REFUSES");
        assertThat(Instant.parse(events.get(4).path("recordedAt").asText())).isBetween(setUpFrom, TestClock.INSTANCE.instant());
    }

    @Test
    void theScoreAsItStoodBeforeTheBreakIsFifty() throws Exception {
        JsonNode history = api.as(AUDITOR).get(path("/history")).json().path("events");
        String beforeBreak = history.get(3).path("recordedAt").asText();
        var asOf = api.as(AUDITOR).get(path("/reliability?asOf=" + beforeBreak)).json();
        assertThat(asOf.path("reliability").path("score").decimalValue()).isEqualByComparingTo("50.0");

        var now = api.as(AUDITOR).get(path("/reliability")).json();
        assertThat(now.path("reliability").path("score").decimalValue()).isEqualByComparingTo("33.3");
        JsonNode lastRow = now.path("explanation").get(4);
        assertThat(lastRow.path("type").asText()).isEqualTo("PromiseBroken");
        assertThat(lastRow.path("delta").decimalValue()).isEqualByComparingTo("-16.7");
        assertThat(lastRow.path("scoreAfter").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(api.as(AUDITOR).get(path("/reliability?asOf=yesterday")).status()).isEqualTo(400);
    }

    @Test
    void verifyAgreesAndTheExportIsTheHistoryLineByLine() throws Exception {
        var verify = api.as(AUDITOR).get(path("/audit/verify")).json();
        assertThat(verify.path("consistent").asBoolean()).isTrue();
        assertThat(verify.path("replayed").path("reliability")).isEqualTo(verify.path("projection").path("reliability"));

        var export = api.as(AUDITOR).get(path("/export"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(5);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.length; i++) {
            assertThat(json.readTree(lines[i]).path("sequence").asLong()).isEqualTo(i);
        }
    }

    @Test
    void anUnknownCustomerIsNotFoundOnEveryRead() {
        for (String suffix : new String[]{"", "/history", "/reliability", "/audit/verify", "/export"}) {
            var answer = api.as(AUDITOR).get("/api/v1/customers/nobody-here" + suffix);
            assertThat(answer.status()).as(suffix).isEqualTo(404);
            assertThat(answer.code()).as(suffix).isEqualTo("CUSTOMER_NOT_FOUND");
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void onlyAnAdminSeesAndRebuildsTheProjections() throws Exception {
        assertThat(api.as(AUDITOR).get("/api/v1/admin/projections").status()).isEqualTo(403);
        assertThat(api.as(COLLECTOR).post("/api/v1/admin/projections/rebuild", "").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/v1/admin/projections").status()).isEqualTo(401);

        var status = api.as(ADMIN).get("/api/v1/admin/projections");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("processors").findValuesAsText("name")).contains("customer-summary");

        var rebuild = api.as(ADMIN).post("/api/v1/admin/projections/rebuild", "");
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(rebuild.json().path("total").asLong()).isPositive();
        Await.until("the rebuild finishing",
                () -> !api.as(ADMIN).get("/api/v1/admin/projections").json().path("rebuild").path("running").asBoolean());
        assertThat(api.as(AUDITOR).get(path("/audit/verify")).json().path("consistent").asBoolean()).isTrue();
    }

    private String path(String suffix) {
        return "/api/v1/customers/" + customerId + suffix;
    }
}
