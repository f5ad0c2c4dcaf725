package com.promises.api.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import com.promises.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.time.LocalDate;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The past as it stood over HTTP: status and score at an instant, a series for charts, and bad input refused. */
@IntegrationTest
class PastAnswersTest {

    @Value("${local.server.port}")
    int port;

    Api api;
    Customers customers;
    /** A customer whose one promise was refused: a score no judgement by the service can move meanwhile. */
    String customerId;

    @BeforeEach
    void aCustomerWhoRefusedAPromise() {
        api = new Api(port);
        customers = new Customers(api);
        customerId = customers.registered();
        String refused = customers.promiseMade(customerId, "80.00", Customers.today().plusDays(5));
        assertThat(api.as(COLLECTOR).post(path("/promises/" + refused + "/broken"), "{\"reason\": \"REFUSES\"}").status())
                .isEqualTo(201);
    }

    @Test
    void theStatusAsItStoodAndBeforeTheFirstEvent() {
        String late = customers.registered();
        LocalDate today = Customers.today();
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + late + "/promises", """
                {"promiseId": "P-1", "amount": "700.00", "currency": "CNY", "dueDate": "%s", "madeOn": "%s", "channel": "PHONE"}
                """.formatted(today.minusDays(40), today.minusDays(50))).status()).isEqualTo(201);

        var now = api.as(AUDITOR).get("/api/v1/customers/" + late + "/status?asOf=" + TestClock.INSTANCE.instant().plusSeconds(1));
        assertThat(now.status()).isEqualTo(200);
        JsonNode status = now.json();
        assertThat(status.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(status.path("overdueAmount").path("amount").asText()).isEqualTo("700.00");
        assertThat(status.path("daysOverdue").asLong()).isEqualTo(40);
        assertThat(status.path("agingBucket").asText()).isEqualTo("31-60");
        assertThat(status.path("businessDate").asText()).isEqualTo(Customers.today().toString());

        JsonNode starting = api.as(AUDITOR).get("/api/v1/customers/" + late + "/status?asOf=2000-01-01T00:00:00Z").json();
        assertThat(starting.path("status").asText()).isEqualTo("CURRENT");
        assertThat(starting.path("overdueAmount").path("amount").asText()).isEqualTo("0.00");
        assertThat(starting.path("openPromises").asInt()).isZero();

        JsonNode score = api.as(AUDITOR).get(path("/reliability?asOf=2000-01-01T00:00:00Z")).json();
        assertThat(score.path("reliability").path("score").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(score.path("explanation")).isEmpty();
        assertThat(score.path("policyVersion").asText()).isEqualTo("v1");
    }

    @Test
    void anotherPolicyIsUsedWhenAskedForAndNamed() {
        JsonNode v2 = api.as(AUDITOR).get(path("/reliability?policy=v2")).json();
        assertThat(v2.path("policyVersion").asText()).isEqualTo("v2");
        assertThat(v2.path("reliability").path("policyVersion").asText()).isEqualTo("v2");
        // a refusal weighs double under both: 100 x 2 / (4 + 2) = 33.3
        assertThat(v2.path("reliability").path("score").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(api.as(AUDITOR).get(path("/reliability")).json().path("policyVersion").asText()).isEqualTo("v1");
    }

    @Test
    void aDailySeriesForCharts() {
        LocalDate today = Customers.today();
        var answer = api.as(AUDITOR).get(path("/reliability/series?from=" + today.minusDays(2) + "&to=" + today));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().findValuesAsText("date"))
                .containsExactly(today.minusDays(2).toString(), today.minusDays(1).toString(), today.toString());
        assertThat(answer.json().get(0).path("score").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(answer.json().get(2).path("score").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(answer.json().get(2).path("band").asText()).isEqualTo("D");
    }

    @Test
    void badInputIsRefusedWithItsField() {
        var backwards = api.as(AUDITOR).get(path("/reliability/series?from=2026-02-01&to=2026-01-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("errors").findValuesAsText("field")).containsExactly("from");
        var tooMany = api.as(AUDITOR).get(path("/reliability/series?from=2020-01-01&to=2026-01-01&step=DAY"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").findValuesAsText("field")).containsExactly("to");
        assertThat(api.as(AUDITOR).get(path("/reliability/series?from=2020-01-01&to=2026-01-01&step=MONTH")).status())
                .isEqualTo(200);
        assertThat(api.as(AUDITOR).get(path("/reliability/series?from=2026-01-01&to=2026-02-01&step=YEAR")).status())
                .isEqualTo(400);
        var unknownPolicy = api.as(AUDITOR).get(path("/reliability?policy=v9"));
        assertThat(unknownPolicy.status()).isEqualTo(400);
        assertThat(unknownPolicy.json().path("errors").findValuesAsText("field")).containsExactly("policy");
        assertThat(api.as(AUDITOR).get(path("/status")).status()).isEqualTo(400);
        assertThat(api.as(AUDITOR).get(path("/status?asOf=yesterday")).status()).isEqualTo(400);
        for (String suffix : new String[]{"/status?asOf=2026-01-01T00:00:00Z", "/reliability/series?from=2026-01-01&to=2026-01-02"}) {
            var nobody = api.as(AUDITOR).get("/api/v1/customers/nobody-here" + suffix);
            assertThat(nobody.status()).as(suffix).isEqualTo(404);
            assertThat(nobody.code()).as(suffix).isEqualTo("CUSTOMER_NOT_FOUND");
        }
    }

    private String path(String suffix) {
        return "/api/v1/customers/" + customerId + suffix;
    }
}
