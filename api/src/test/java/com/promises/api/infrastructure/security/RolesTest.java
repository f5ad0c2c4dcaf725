package com.promises.api.infrastructure.security;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static com.promises.testing.Api.User.LEDGER;
import static com.promises.testing.Customers.anyId;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: COLLECTOR posts, AUDITOR and ADMIN only read, ADMIN administers, nobody without credentials. */
@IntegrationTest
class RolesTest {

    private static final String REGISTRATION = "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}";

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
    void aCollectorPostsCommands() {
        assertThat(api.as(COLLECTOR).put("/api/v1/customers/" + anyId("cust"), REGISTRATION).status()).isEqualTo(201);
    }

    @Test
    void anAuditorPostsNothing() {
        long before = events.count();
        String customerId = new Customers(api).registered();

        var answer = api.as(AUDITOR).post("/api/v1/customers/" + customerId + "/promises",
                "{\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-01-01\", \"channel\": \"PHONE\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(events.count()).isEqualTo(before + 1);
    }

    @Test
    void anAdminPostsNoCommands() {
        var answer = api.as(ADMIN).put("/api/v1/customers/" + anyId("cust"), REGISTRATION);

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void withoutCredentialsEverythingButHealthAndDocsIs401() {
        var command = api.anonymous().put("/api/v1/customers/" + anyId("cust"), REGISTRATION);
        var read = api.anonymous().get("/api/v1/customers/anyone");

        assertThat(command.status()).isEqualTo(401);
        assertThat(command.code()).isEqualTo("UNAUTHORIZED");
        assertThat(command.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(command.contentType()).startsWith("application/problem+json");
        assertThat(read.status()).isEqualTo(401);
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"collector:wrong", "nobody:collector-pw", "collector:", ":"})
    void aWrongUserOrPasswordIs401(String credentials) {
        String[] parts = credentials.split(":", -1);
        var answer = api.anonymous().basic(parts[0], parts[1]).put("/api/v1/customers/" + anyId("cust"), REGISTRATION);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aGarbledAuthorizationHeaderIs401() {
        var answer = api.anonymous().header("Authorization", "Basic %%%not-base64")
                .put("/api/v1/customers/" + anyId("cust"), REGISTRATION);

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void aBcryptUserSignsInAgainAndAgain() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.as(LEDGER).put("/api/v1/customers/" + anyId("cust"), REGISTRATION).status()).isEqualTo(201);
        }
        assertThat(api.anonymous().basic("ledger", "not-the-password")
                .put("/api/v1/customers/" + anyId("cust"), REGISTRATION).status()).isEqualTo(401);
    }

    @Test
    void everyRoleReads() {
        String customerId = new Customers(api).registered();
        for (Api.User reader : new Api.User[]{COLLECTOR, AUDITOR, ADMIN}) {
            var summary = api.as(reader).get("/api/v1/customers/" + customerId);
            var history = api.as(reader).get("/api/v1/customers/" + customerId + "/history");

            assertThat(summary.status()).as(reader.name + ": " + summary).isEqualTo(200);
            assertThat(summary.json().path("customerId").asText()).isEqualTo(customerId);
            assertThat(history.status()).as(reader.name + ": " + history).isEqualTo(200);
            assertThat(history.json().path("events").get(0).path("type").asText()).isEqualTo("CustomerRegistered");
        }
    }

    @Test
    void onlyAnAdminAdministers() {
        String admin = "/api/v1/admin/projections";

        assertThat(api.as(COLLECTOR).get(admin).status()).isEqualTo(403);
        assertThat(api.as(AUDITOR).get(admin).status()).isEqualTo(403);
        assertThat(api.as(ADMIN).get(admin).status()).isEqualTo(200);
        assertThat(api.anonymous().get(admin).status()).isEqualTo(401);
    }

    /** A rebuild is an ADMIN's alone: anyone else's is refused before it starts (an ADMIN's own is ReadModelsRebuildTest's). */
    @ParameterizedTest
    @EnumSource(value = Api.User.class, names = {"COLLECTOR", "AUDITOR", "LEDGER"})
    void nobodyButAnAdminRebuilds(Api.User user) {
        var answer = api.as(user).post("/api/v1/admin/projections/rebuild", "{}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
        assertThat(api.anonymous().post("/api/v1/admin/projections/rebuild", "{}").status()).isEqualTo(401);
    }

    @Test
    void metricsAreForAdmins() {
        assertThat(api.as(ADMIN).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.as(COLLECTOR).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    }
}
