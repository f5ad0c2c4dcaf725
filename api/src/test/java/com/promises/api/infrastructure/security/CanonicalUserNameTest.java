package com.promises.api.infrastructure.security;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static com.promises.testing.Customers.anyId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user signs in with their name in any case, and is always the configured name: on every event
 * (actor) and as the owner of their Idempotency-Keys, so a retry typed differently is still a retry.
 */
@IntegrationTest
class CanonicalUserNameTest {

    private static final String PAYMENT = "{\"amount\": \"10.00\", \"currency\": \"CNY\", \"paidOn\": \"2026-06-01\"}";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    EventStoreRows events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        events = new EventStoreRows(jdbc);
    }

    @Test
    void oneKeySentUnderTheNameInAnyCaseStoresOnePaymentByTheConfiguredName() {
        String customerId = new Customers(api).registered();
        String key = anyId("key");

        List<Api.Answer> answers = List.of("CoLlEcToR", "collector", "CoLlEcToR", "COLLECTOR", "COLLECTOR").stream()
                .map(name -> api.anonymous().basic(name, "collector-pw").idempotencyKey(key)
                        .post("/api/v1/customers/" + customerId + "/payments", PAYMENT))
                .toList();

        assertThat(answers).extracting(Api.Answer::status).containsOnly(201);
        assertThat(answers).extracting(Api.Answer::body).containsOnly(answers.get(0).body());
        assertThat(answers.subList(1, 5)).extracting(answer -> answer.header("Idempotent-Replayed")).containsOnly("true");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PaymentRecorded");
        assertThat(events.of(customerId).get(1).metadata().path("actor").asText()).isEqualTo("collector");
        assertThat(api.as(Api.User.AUDITOR).get("/api/v1/customers/" + customerId + "/history").json().path("events"))
                .extracting(event -> event.path("actor").asText()).containsOnly("collector");
    }

    @Test
    void aBcryptUserTypedInCapitalsActsUnderTheConfiguredName() {
        String customerId = new Customers(api).registered();

        for (String name : List.of("LEDGER", "LEDGER", "Ledger")) {
            var answer = api.anonymous().basic(name, "bcrypt-collector-pw")
                    .post("/api/v1/customers/" + customerId + "/payments", PAYMENT);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }

        assertThat(events.of(customerId).subList(1, 4))
                .extracting(row -> row.metadata().path("actor").asText()).containsOnly("ledger");
    }
}
