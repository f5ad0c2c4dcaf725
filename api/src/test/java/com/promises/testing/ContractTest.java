package com.promises.testing;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check every exchange of the HTTP tests goes through fails on what the OpenAPI document does not describe. */
class ContractTest {

    private static final URI REGISTER = URI.create("http://localhost:8080/api/v1/customers/hotel-zhonghua");
    private static final Map<String, String> SIGNED_IN = Map.of(
            "Authorization", "Basic Y29sbGVjdG9yOmNvbGxlY3Rvcg==", "Content-Type", "application/json");
    private static final String REGISTRATION = "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}";
    private static final String REGISTERED = "{\"customerId\": \"hotel-zhonghua\", \"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}";

    @Test
    void aDocumentedExchangePasses() {
        assertThatCode(() -> register(REGISTRATION, answer(201, "application/json", REGISTERED))).doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> register(REGISTRATION, answer(202, "application/json", REGISTERED)))
                .hasMessageContaining("Response status 202 not defined");
    }

    @Test
    void anUndocumentedFieldFails() {
        String withNickname = REGISTERED.replace("}", ", \"nickname\": \"Zhonghua\"}");
        assertThatThrownBy(() -> register(REGISTRATION, answer(201, "application/json", withNickname)))
                .hasMessageContaining("nickname");
    }

    @Test
    void aMissingRequiredFieldOrAWrongTypeFails() {
        assertThatThrownBy(() -> register(REGISTRATION, answer(201, "application/json", "{\"customerId\": \"hotel-zhonghua\"}")))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> register(REGISTRATION, answer(201, "application/json", REGISTERED.replace("\"CNY\"", "156"))))
                .hasMessageContaining("integer");
    }

    @Test
    void anUndocumentedMediaTypeFails() {
        assertThatThrownBy(() -> register(REGISTRATION, answer(201, "text/plain", "registered")))
                .hasMessageContaining("Content-Type header 'text/plain' does not match");
        String problem = "{\"type\": \"urn:promises:problem:customer-already-registered\", \"title\": \"Conflict\", "
                + "\"status\": 409, \"code\": \"CUSTOMER_ALREADY_REGISTERED\"}";
        assertThatThrownBy(() -> register(REGISTRATION, answer(409, "application/json", problem)))
                .hasMessageContaining("Content-Type header 'application/json' does not match");
    }

    @Test
    void aRequestTheDocumentForbidsFailsWhenTheServiceAcceptsItAndIsBadInputWhenItRefuses() {
        String noCurrency = "{\"name\": \"Hotel Zhonghua\"}";
        assertThatThrownBy(() -> register(noCurrency, answer(201, "application/json", REGISTERED)))
                .hasMessageContaining("accepted a request the document does not allow");
        String refusal = "{\"type\": \"urn:promises:problem:validation-failed\", \"title\": \"Bad Request\", \"status\": 400, "
                + "\"code\": \"VALIDATION_FAILED\", \"errors\": [{\"field\": \"currency\", \"message\": \"must not be null\"}]}";
        assertThatCode(() -> register(noCurrency, answer(400, "application/problem+json", refusal))).doesNotThrowAnyException();
    }

    private static void register(String body, HttpResponse<String> answer) {
        Contract.check("PUT", REGISTER, SIGNED_IN, body, answer, true);
    }

    private static HttpResponse<String> answer(int status, String contentType, String body) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
        return new Answer(status, headers, body);
    }

    private record Answer(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(REGISTER).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return REGISTER;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
