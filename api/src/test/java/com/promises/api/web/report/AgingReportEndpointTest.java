package com.promises.api.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.time.LocalDate;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The period-end aging report over HTTP, in a currency no other test of the shared database uses. */
@IntegrationTest
class AgingReportEndpointTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void theBooksAtAPeriodEndByBucket() {
        Api api = new Api(port);
        Customers customers = new Customers(api);
        String customerId = customers.registered("KWD");
        LocalDate today = Customers.today();
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises", """
                {"promiseId": "P-1", "amount": "12.500", "currency": "KWD", "dueDate": "%s", "madeOn": "%s", "channel": "PHONE"}
                """.formatted(today.minusDays(65), today.minusDays(70))).status()).isEqualTo(201);
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises", """
                {"promiseId": "P-2", "amount": "3.250", "currency": "KWD", "dueDate": "%s", "channel": "PHONE"}
                """.formatted(today.plusDays(5))).status()).isEqualTo(201);

        var answer = api.as(AUDITOR).get("/api/v1/reports/aging?asOf=" + today);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("asOf").asText()).isEqualTo(today.toString());
        JsonNode dinars = null;
        for (JsonNode currency : answer.json().path("currencies")) {
            if (currency.path("currency").asText().equals("KWD")) {
                dinars = currency;
            }
        }
        assertThat(dinars).isNotNull();
        assertThat(dinars.path("customers").asLong()).isEqualTo(1);
        assertThat(dinars.path("buckets").path("61-90").path("amount").asText()).isEqualTo("12.500");
        assertThat(dinars.path("buckets").path("CURRENT").path("amount").asText()).isEqualTo("3.250");
        assertThat(dinars.path("buckets").path("90+").path("amount").asText()).isEqualTo("0.000");

        var before = api.as(AUDITOR).get("/api/v1/reports/aging?asOf=2000-01-01").json();
        assertThat(before.path("currencies").findValuesAsText("currency")).doesNotContain("KWD");
        assertThat(api.as(AUDITOR).get("/api/v1/reports/aging").status()).isEqualTo(400);
        assertThat(api.as(AUDITOR).get("/api/v1/reports/aging?asOf=30-06-2026").status()).isEqualTo(400);
        assertThat(api.anonymous().get("/api/v1/reports/aging?asOf=2026-06-30").status()).isEqualTo(401);
    }
}
