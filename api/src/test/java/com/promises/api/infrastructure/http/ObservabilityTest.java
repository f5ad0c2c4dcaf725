package com.promises.api.infrastructure.http;

import com.promises.testing.Api;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Api.User.COLLECTOR;
import static com.promises.testing.Customers.anyId;
import static org.assertj.core.api.Assertions.assertThat;

/** Operators see command counts and latencies; browsers from configured origins may call the API. */
@IntegrationTest
class ObservabilityTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void commandsAreCountedAndTimedByTypeAndOutcome() {
        Api api = new Api(port);
        String customerId = anyId("cust");
        api.as(COLLECTOR).put("/api/v1/customers/" + customerId, "{\"name\": \"Hotel\", \"currency\": \"CNY\"}");
        api.as(COLLECTOR).put("/api/v1/customers/" + customerId, "{\"name\": \"Hotel\", \"currency\": \"USD\"}");

        String metrics = api.as(ADMIN).get("/actuator/prometheus").body();

        assertThat(metrics).containsPattern(
                "promises_commands_seconds_count\\{[^}]*code=\"none\",command=\"RegisterCustomer\",outcome=\"accepted\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern(
                "promises_commands_seconds_count\\{[^}]*code=\"CUSTOMER_ALREADY_REGISTERED\",command=\"RegisterCustomer\",outcome=\"rejected\"[^}]*} [1-9]");
        assertThat(metrics).contains("promises_commands_seconds_bucket");
    }

    @Test
    void aConfiguredOriginPassesThePreflightAndAnOtherDoesNot() {
        Api api = new Api(port);

        var allowed = api.anonymous().header("Origin", "https://collect.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .send("OPTIONS", "/api/v1/customers/x/promises", java.net.http.HttpRequest.BodyPublishers.noBody());
        var other = api.anonymous().header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")
                .send("OPTIONS", "/api/v1/customers/x/promises", java.net.http.HttpRequest.BodyPublishers.noBody());

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://collect.example.com");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("idempotency-key");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
}
