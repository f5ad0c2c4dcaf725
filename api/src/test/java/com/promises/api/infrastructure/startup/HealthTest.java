package com.promises.api.infrastructure.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators and orchestrators ask the service whether it is up without credentials. */
@IntegrationTest
class HealthTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void healthIsUpWithTheDatabaseInItAndNeedsNoCredentials() throws Exception {
        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessIncludesTheDatabaseAndLivenessAnswers() throws Exception {
        JsonNode readiness = get("/actuator/health/readiness");
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("db")).isTrue();
        assertThat(get("/actuator/health/liveness").path("status").asText()).isEqualTo("UP");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
