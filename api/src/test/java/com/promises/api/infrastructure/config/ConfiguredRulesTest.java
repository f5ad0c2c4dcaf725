package com.promises.api.infrastructure.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules' settings are honoured: grace 5, quiet days 2 and the business zone Asia/Shanghai, at 17:00 UTC on
 * 30 June 2026, which is already 1 July in Shanghai. With the defaults (grace 3, quiet days 3, UTC) every answer
 * asserted here would differ: today would be 30 June, the window would close on 29 June (and the promise be broken
 * by the clock), the next reminder would wait until 4 July, and a payment dated 1 July would be in the future.
 */
@IntegrationTest
@TestPropertySource(properties = {"promises.grace-days=5", "promises.quiet-days=2", "promises.zone=Asia/Shanghai",
        "promises.clock.fixed=2026-06-30T17:00:00Z"})
class ConfiguredRulesTest {

    @Value("${local.server.port}")
    int port;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void graceQuietDaysAndTheZoneComeFromTheConfiguration() {
        String customerId = new Customers(api).registered();
        var made = post(customerId, "/promises", """
                {"promiseId": "P-1", "amount": "1000.00", "currency": "CNY", "madeOn": "2026-06-20",
                 "dueDate": "2026-06-26", "channel": "PHONE"}""");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        var soon = post(customerId, "/promises", """
                {"promiseId": "P-2", "amount": "300.00", "currency": "CNY", "dueDate": "2026-07-04", "channel": "PHONE"}""");
        assertThat(soon.status()).as(soon.toString()).isEqualTo(201);

        JsonNode promiseMade = event(customerId, "PromiseMade", 0);
        assertThat(promiseMade.path("graceDays").asInt()).isEqualTo(5);
        assertThat(promiseMade.path("windowClosesOn").asText()).isEqualTo("2026-07-01");
        assertThat(event(customerId, "PromiseMade", 1).path("madeOn").asText()).isEqualTo("2026-07-01");
        assertThat(types(customerId)).doesNotContain("PromiseBroken");

        JsonNode overdue = api.as(AUDITOR).get("/api/v1/customers/" + customerId).json().path("overdue");
        assertThat(overdue.path("status").asText()).isEqualTo("IN_GRACE");
        assertThat(overdue.path("daysOverdue").asLong()).isEqualTo(5);
        assertThat(overdue.path("overdueAmount").path("amount").asText()).isEqualTo("1000.00");
        assertThat(overdue.path("nextDueDate").asText()).isEqualTo("2026-07-04");

        assertThat(post(customerId, "/promises/P-1/reminders", "{\"channel\": \"PHONE\"}").status()).isEqualTo(201);
        JsonNode reminder = event(customerId, "ReminderSent", 0);
        assertThat(reminder.path("sentOn").asText()).isEqualTo("2026-07-01");
        assertThat(reminder.path("nextAllowedOn").asText()).isEqualTo("2026-07-03");
        var again = post(customerId, "/promises/P-2/reminders", "{\"channel\": \"PHONE\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INSIDE_QUIET_DAYS");

        var paid = post(customerId, "/payments", """
                {"amount": "1000.00", "currency": "CNY", "paidOn": "2026-07-01"}""");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        JsonNode kept = event(customerId, "PromiseKept", 0);
        assertThat(kept.path("promiseId").asText()).isEqualTo("P-1");
        assertThat(kept.path("paidInFullOn").asText()).isEqualTo("2026-07-01");
        assertThat(kept.path("onTime").asBoolean()).isFalse();
        var tomorrow = post(customerId, "/payments", """
                {"amount": "10.00", "currency": "CNY", "paidOn": "2026-07-02"}""");
        assertThat(tomorrow.status()).as(tomorrow.toString()).isEqualTo(422);
        assertThat(tomorrow.code()).isEqualTo("INVALID_DATE");
    }

    private Api.Answer post(String customerId, String path, String body) {
        return api.as(COLLECTOR).post("/api/v1/customers/" + customerId + path, body);
    }

    private List<String> types(String customerId) {
        return api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/history").json().path("events").findValuesAsText("type");
    }

    /** The payload of the n-th event of this type in the customer's history. */
    private JsonNode event(String customerId, String type, int n) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/history").json().path("events")) {
            if (event.path("type").asText().equals(type)) {
                found.add(event.path("payload"));
            }
        }
        assertThat(found).as(type + " in the history").hasSizeGreaterThan(n);
        return found.get(n);
    }
}
