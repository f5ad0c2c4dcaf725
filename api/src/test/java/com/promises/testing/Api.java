package com.promises.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service as a client sees it: real HTTP on the test's random port, signed in as one of the test users.
 * Every exchange is checked against the OpenAPI document ({@link Contract}).
 */
public final class Api {

    /** The users of src/test/resources/config/application.yml. */
    public enum User {
        COLLECTOR("collector", "collector-pw"),
        AUDITOR("auditor", "auditor-pw"),
        ADMIN("admin", "admin-pw"),
        /** COLLECTOR+AUDITOR with a bcrypt password. */
        LEDGER("ledger", "bcrypt-collector-pw");

        public final String name;
        final String password;

        User(String name, String password) {
            this.name = name;
            this.password = password;
        }

        /** For signing in elsewhere than in a header (the console's sign-in form). */
        public String password() {
            return password;
        }

        /** The Authorization header that signs in as this user. */
        public String basicAuthorization() {
            return basic(name, password);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public Call as(User user) {
        return new Call().basic(user.name, user.password);
    }

    public Call anonymous() {
        return new Call();
    }

    /** One request in the making. */
    public final class Call {

        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean checkRequest = true;

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call basic(String user, String password) {
            return header("Authorization", Api.basic(user, password));
        }

        public Call idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        /**
         * The request uses a liberty the service allows but the OpenAPI document does not advertise, such as a
         * JSON number for an amount: the answer is still checked against the document, the request is not.
         */
        public Call beyondTheDocument() {
            checkRequest = false;
            return this;
        }

        public Answer get(String path) {
            return exchange("GET", path, HttpRequest.BodyPublishers.noBody(), null, true);
        }

        public Answer post(String path, String json) {
            return withJson().exchange("POST", path, HttpRequest.BodyPublishers.ofString(json), json, true);
        }

        public Answer put(String path, String json) {
            return withJson().exchange("PUT", path, HttpRequest.BodyPublishers.ofString(json), json, true);
        }

        private Call withJson() {
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        /** A request of any method and body; its body is not checked against the document, its answer is. */
        public Answer send(String method, String path, HttpRequest.BodyPublisher body) {
            return exchange(method, path, body, null, false);
        }

        /** Every answer is held to the OpenAPI document ({@link Contract}). */
        private Answer exchange(String method, String path, HttpRequest.BodyPublisher body, String bodyText, boolean bodyKnown) {
            URI uri = URI.create("http://localhost:" + port + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Contract.check(method, uri, headers, bodyText, response, checkRequest && bodyKnown);
                return new Answer(response);
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What the service answered. */
    public record Answer(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status() + "): " + response.body(), e);
            }
        }

        /** The problem's stable code. */
        public String code() {
            return json().path("code").asText();
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }
}
