package com.promises.api.web.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description covers every command with an example, and Swagger UI serves it. */
@IntegrationTest
class OpenApiTest {

    private static final List<String> COMMANDS = List.of(
            "/api/v1/customers/{customerId}",
            "/api/v1/customers/{customerId}/promises",
            "/api/v1/customers/{customerId}/installment-plans",
            "/api/v1/customers/{customerId}/promises/{promiseId}/reminders",
            "/api/v1/customers/{customerId}/payments",
            "/api/v1/customers/{customerId}/promises/{promiseId}/broken",
            "/api/v1/customers/{customerId}/promises/{promiseId}/renegotiation",
            "/api/v1/customers/{customerId}/promises/{promiseId}/cancellation",
            "/api/v1/customers/{customerId}/promises/{promiseId}/dispute",
            "/api/v1/customers/{customerId}/promises/{promiseId}/dispute/resolution");

    @Value("${local.server.port}")
    int port;

    @Test
    void everyCommandIsDescribedWithAnExampleTheIdempotencyKeyAndItsProblems() {
        JsonNode docs = new Api(port).anonymous().get("/v3/api-docs").json();

        for (String path : COMMANDS) {
            JsonNode operation = docs.path("paths").path(path).has("put")
                    ? docs.path("paths").path(path).path("put") : docs.path("paths").path(path).path("post");
            assertThat(operation.isMissingNode()).as(path).isFalse();
            assertThat(operation.path("summary").asText()).as(path).isNotBlank();
            assertThat(operation.path("parameters").findValuesAsText("name")).as(path).contains("Idempotency-Key");
            assertThat(operation.path("responses").path("400").path("content").has("application/problem+json")).as(path).isTrue();
            String body = operation.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText();
            JsonNode schema = docs.path("components").path("schemas").path(body.substring(body.lastIndexOf('/') + 1));
            assertThat(schema.path("properties").findValues("example")).as(path).isNotEmpty();
        }
        assertThat(docs.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(docs.path("components").path("schemas").path("MakePromiseRequest").path("properties")
                .path("amount").path("example").asText()).isEqualTo("1200.00");
    }
}
