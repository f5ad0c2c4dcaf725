package com.promises.api.web.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description documents each endpoint of the collector's judgement with its examples and problem codes. */
@IntegrationTest
class JudgementEndpointsDocumentedTest {

    /** Each endpoint, with a problem code its description must name. */
    private static final Map<String, String> ENDPOINTS = Map.of(
            "/api/v1/customers/{customerId}/promises/{promiseId}/explanation", "PROMISE_NOT_BROKEN",
            "/api/v1/customers/{customerId}/payments/{paymentId}/reversal", "PAYMENT_ALREADY_REVERSED",
            "/api/v1/customers/{customerId}/our-commitments", "DUPLICATE_COMMITMENT_ID",
            "/api/v1/customers/{customerId}/our-commitments/{commitmentId}/outcome", "COMMITMENT_NOT_FOUND",
            "/api/v1/customers/{customerId}/financial-situation", "CUSTOMER_NOT_FOUND",
            "/api/v1/customers/{customerId}/escalations", "PROMISE_NOT_BROKEN");

    @Value("${local.server.port}")
    int port;

    @Test
    void everyEndpointHasASummaryExamplesItsProblemCodesAndTheIdempotencyKey() {
        JsonNode docs = new Api(port).anonymous().get("/v3/api-docs").json();

        ENDPOINTS.forEach((path, code) -> {
            JsonNode operation = docs.path("paths").path(path).path("post");
            assertThat(operation.isMissingNode()).as(path).isFalse();
            assertThat(operation.path("summary").asText()).as(path).isNotBlank();
            assertThat(operation.path("parameters").findValuesAsText("$ref")).as(path)
                    .contains("#/components/parameters/IdempotencyKey");
            assertThat(operation.path("responses").path("201").isMissingNode()).as(path).isFalse();
            assertThat(operation.path("responses").findValuesAsText("description")).as(path).anyMatch(d -> d.contains(code));
            assertThat(schema(docs, operation.path("requestBody").path("content").path("application/json"))
                    .path("properties").findValues("example")).as(path).isNotEmpty();
            assertThat(schema(docs, operation.path("responses").path("201").path("content").path("application/json"))
                    .path("properties").findValues("example")).as(path).isNotEmpty();
        });
        JsonNode worklist = docs.path("paths").path("/api/v1/customers").path("get");
        assertThat(worklist.path("parameters").findValuesAsText("name")).contains("creditHold");
    }

    private static JsonNode schema(JsonNode docs, JsonNode content) {
        String ref = content.path("schema").path("$ref").asText();
        return docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
