package com.promises.api.infrastructure.problem;

import com.promises.testing.Api;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static com.promises.testing.Api.User.COLLECTOR;
import static com.promises.testing.Customers.anyId;
import static org.assertj.core.api.Assertions.assertThat;

/** Spring's own errors look like ours: problem+json with a code, a detail and the correlation id. */
@IntegrationTest
class ProblemShapesTest {

    @Value("${local.server.port}")
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void anUnknownPathIs404() {
        var answer = api.as(COLLECTOR).get("/api/v1/nothing/here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:promises:problem:not-found");
        assertThat(answer.json().path("correlationId").asText()).isEqualTo(answer.header("X-Correlation-Id"));
    }

    @Test
    void aWrongMethodIs405() {
        var answer = api.as(COLLECTOR).send("PATCH", "/api/v1/customers/" + anyId("c"),
                java.net.http.HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).contains("PUT");
    }

    @Test
    void aProblemIsJsonEvenForAClientThatAsksForHtml() {
        var answer = api.as(COLLECTOR).header("Accept", "text/html").get("/api/v1/nothing/here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anUnknownFieldIsNamed() {
        var answer = api.as(COLLECTOR).put("/api/v1/customers/" + anyId("c"),
                "{\"name\": \"Hotel\", \"currency\": \"CNY\", \"vip\": true}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("vip");
        assertThat(answer.json().path("errors").get(0).path("message").asText()).isEqualTo("is not a field of this request");
    }

    @Test
    void aWrongTypeDeepInsideIsNamedWithItsPath() {
        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + anyId("c") + "/installment-plans",
                "{\"currency\": \"CNY\", \"channel\": \"VISIT\", \"installments\": [{\"dueDate\": \"2030-01-01\", \"amount\": \"1.00\"}, "
                        + "{\"dueDate\": \"soon\", \"amount\": \"1.00\"}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("installments[1].dueDate");
        assertThat(answer.json().path("errors").get(0).path("message").asText()).isEqualTo("must be a date written yyyy-MM-dd");
    }

    @Test
    void everyBadFieldIsListed() {
        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + anyId("c") + "/payments",
                "{\"paymentId\": \"no spaces please\", \"amount\": \"-1\", \"currency\": \"EURO\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsText("field"))
                .containsExactly("amount", "currency", "paidOn", "paymentId");
    }

    @Test
    void anOverScaleAmountNamesItsField() {
        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + anyId("c") + "/installment-plans",
                "{\"currency\": \"JPY\", \"channel\": \"VISIT\", \"installments\": [{\"dueDate\": \"2030-01-01\", \"amount\": \"100\"}, "
                        + "{\"dueDate\": \"2030-02-01\", \"amount\": \"100.5\"}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("installments[1].amount");
    }
}
