package com.promises.api.infrastructure.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's hostile requests, replayed as written on the wire: each is a 4xx problem+json with its
 * stable code (and, for a bad field, that field named), and none stores anything. {c} is a registered
 * CNY customer, {p} an open promise of it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {

    private static final String CUSTOMER = "/api/v1/customers/{c}";
    private static final String PROMISES = CUSTOMER + "/promises";
    private static final String PAYMENTS = CUSTOMER + "/payments";
    private static final String PLANS = CUSTOMER + "/installment-plans";
    private static final String PROMISE = PROMISES + "/{p}";
    private static final String PROMISE_FIELDS = "\"currency\": \"CNY\", \"channel\": \"PHONE\"";
    private static final String VALID_PROMISE = "{\"amount\": \"10.00\", \"dueDate\": \"2030-07-15\", " + PROMISE_FIELDS + "}";
    private static final String VALID_PAYMENT = "{\"amount\": \"10.00\", \"currency\": \"CNY\", \"paidOn\": \"2026-06-01\"}";

    /** One request as the probe sent it, and the refusal it must get. */
    static final class Hostile {
        final String name;
        String method = "POST";
        String target;
        String body;
        final List<String> headers = new ArrayList<>();
        Api.User user = COLLECTOR;
        String contentType = "application/json";
        int status;
        String code;
        String field;

        private Hostile(String name) {
            this.name = name;
        }

        static Hostile post(String name, String target, String body) {
            Hostile hostile = new Hostile(name);
            hostile.target = target;
            hostile.body = body;
            return hostile;
        }

        static Hostile request(String name, String method, String target) {
            Hostile hostile = new Hostile(name);
            hostile.method = method;
            hostile.target = target;
            hostile.contentType = null;
            return hostile;
        }

        /** A promise whose fields are the valid ones with one replaced: {"amount": ...} and the rest. */
        static Hostile promise(String name, String amount, String dueDate) {
            return post(name, PROMISES, "{\"amount\": " + amount + ", \"dueDate\": " + dueDate + ", " + PROMISE_FIELDS + "}");
        }

        static Hostile promiseWithNote(String name, String note) {
            return post(name, PROMISES, VALID_PROMISE.replace("}", ", \"note\": \"" + note + "\"}"));
        }

        Hostile header(String line) {
            headers.add(line);
            return this;
        }

        Hostile as(Api.User user) {
            this.user = user;
            return this;
        }

        Hostile anonymous() {
            this.user = null;
            return this;
        }

        Hostile contentType(String type) {
            this.contentType = type;
            return this;
        }

        Hostile method(String method) {
            this.method = method;
            return this;
        }

        Hostile refused(int status, String code) {
            this.status = status;
            this.code = code;
            return this;
        }

        /** The field the problem's errors must name. */
        Hostile naming(String field) {
            this.field = field;
            return this;
        }

        /** 400 VALIDATION_FAILED naming this field. */
        Hostile invalid(String field) {
            return naming(field).refused(400, "VALIDATION_FAILED");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    EventStoreRows events;
    String customerId;
    String promiseId;

    @BeforeAll
    void aCustomerWithAPromise() {
        Api api = new Api(port);
        events = new EventStoreRows(jdbc);
        Customers customers = new Customers(api);
        customerId = customers.registered("CNY");
        promiseId = customers.promiseMade(customerId, "1000.00", Customers.today().plusDays(20));
    }

    Stream<Hostile> hostileRequests() {
        return Stream.of(
                // Dates are yyyy-MM-dd strings, nothing else.
                Hostile.promise("a due date as an array", "\"10.00\"", "[2027,3,1]").invalid("dueDate"),
                Hostile.post("a payment date as an array", PAYMENTS, VALID_PAYMENT.replace("\"2026-06-01\"", "[2026,6,1]")).invalid("paidOn"),
                Hostile.post("the date of a promise made as an array", PROMISES, VALID_PROMISE.replace("}", ", \"madeOn\": [2026,1,1]}")).invalid("madeOn"),
                Hostile.post("an installment's date as an array", PLANS, "{\"currency\": \"CNY\", \"channel\": \"VISIT\", "
                        + "\"installments\": [{\"dueDate\": [2030,1,1], \"amount\": \"1.00\"}]}").invalid("installments[0].dueDate"),
                Hostile.post("a new due date as an array", PROMISE + "/renegotiation", "{\"newDueDate\": [2030,9,1]}").invalid("newDueDate"),
                Hostile.promise("a due date as an object", "\"10.00\"", "{\"year\": 2030}").invalid("dueDate"),
                Hostile.promise("a due date without leading zeros", "\"10.00\"", "\"2030-7-5\"").invalid("dueDate"),
                Hostile.promise("a due date with a time", "\"10.00\"", "\"2030-07-15T00:00:00\"").invalid("dueDate"),
                Hostile.promise("a due date with a leading space", "\"10.00\"", "\" 2030-07-15\"").invalid("dueDate"),
                Hostile.promise("the 29th of February of a common year", "\"10.00\"", "\"2031-02-29\"").invalid("dueDate"),
                Hostile.promise("a due date in year 1", "\"10.00\"", "\"0001-01-01\"").invalid("dueDate"),
                // Amounts are plain decimals: digits and one point, as a string or a JSON number.
                Hostile.promise("an amount with spaces around it", "\" 10.00 \"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount with a trailing tab", "\"10.00\\t\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount with a plus sign", "\"+10.00\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount with an exponent, as a string", "\"1E+1\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount with an exponent, as a number", "1E+1", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount with a small exponent, as a number", "1e1", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount without digits before the point", "\".5\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount ending with the point", "\"10.\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount with a thousands separator", "\"1,000.00\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("a hexadecimal amount", "\"0x10\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("NaN for an amount", "\"NaN\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("Infinity for an amount", "\"Infinity\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("minus zero for an amount", "\"-0.00\"", "\"2030-07-15\"").invalid("amount"),
                Hostile.promise("an amount as an array", "[10]", "\"2030-07-15\"").invalid("amount"),
                Hostile.post("a payment with a plus sign", PAYMENTS, VALID_PAYMENT.replace("\"10.00\"", "\"+10.00\"")).invalid("amount"),
                Hostile.post("an installment with an exponent", PLANS, "{\"currency\": \"CNY\", \"channel\": \"VISIT\", "
                        + "\"installments\": [{\"dueDate\": \"2030-01-01\", \"amount\": 5E0}]}").invalid("installments[0].amount"),
                Hostile.post("a new amount with spaces", PROMISE + "/renegotiation",
                        "{\"newDueDate\": \"2030-09-01\", \"newAmount\": {\"amount\": \" 5.00\", \"currency\": \"CNY\"}}").invalid("newAmount.amount"),
                // One key once.
                Hostile.promise("the amount twice", "\"1.00\", \"amount\": \"999999.00\"", "\"2030-07-15\"").refused(400, "MALFORMED_JSON").naming("amount"),
                Hostile.post("a key twice inside an installment", PLANS, "{\"currency\": \"CNY\", \"channel\": \"VISIT\", "
                        + "\"installments\": [{\"dueDate\": \"2030-01-01\", \"amount\": \"1.00\", \"amount\": \"9.00\"}]}").refused(400, "MALFORMED_JSON")
                        .naming("installments[0].amount"),
                // Free text that could mislead whoever reads it.
                Hostile.promiseWithNote("a right-to-left override in a note", "pay 100\\u202E0001").invalid("note"),
                Hostile.promiseWithNote("a left-to-right embedding in a note", "a\\u202Ab").invalid("note"),
                Hostile.promiseWithNote("a pop-directional-formatting in a note", "a\\u202Cb").invalid("note"),
                Hostile.promiseWithNote("a first-strong isolate in a note", "a\\u2068b").invalid("note"),
                Hostile.promiseWithNote("a lone high surrogate in a note", "a\\uD800b").invalid("note"),
                Hostile.promiseWithNote("a lone low surrogate in a note", "a\\uDC00b").invalid("note"),
                Hostile.post("a left-to-right isolate in a reference", PROMISES, VALID_PROMISE.replace("}", ", \"reference\": \"INV\\u2066-1\"}")).invalid("reference"),
                Hostile.post("an isolate in a reminder note", PROMISE + "/reminders", "{\"channel\": \"PHONE\", \"note\": \"x\\u2069\"}").invalid("note"),
                Hostile.post("an override in a customer's name", CUSTOMER, "{\"name\": \"Hotel \\u202Dgnahz\", \"currency\": \"CNY\"}").method("PUT").invalid("name"),
                Hostile.post("an override in a follow-up closure", "/api/v1/follow-ups/any-item/closure", "{\"note\": \"\\u202Edone\"}").invalid("note"),
                Hostile.promiseWithNote("an iframe in a note", "<iframe src=//evil>").invalid("note"),
                // Keys: one header, visible characters.
                Hostile.post("two Idempotency-Key headers", PAYMENTS, VALID_PAYMENT)
                        .header("Idempotency-Key: hostile-first").header("Idempotency-Key: hostile-second").refused(400, "INVALID_IDEMPOTENCY_KEY"),
                Hostile.post("an empty Idempotency-Key", PAYMENTS, VALID_PAYMENT).header("Idempotency-Key: ").refused(400, "INVALID_IDEMPOTENCY_KEY"),
                Hostile.post("an Idempotency-Key with a space", PAYMENTS, VALID_PAYMENT).header("Idempotency-Key: a b").refused(400, "INVALID_IDEMPOTENCY_KEY"),
                Hostile.post("an Idempotency-Key of 256 characters", PAYMENTS, VALID_PAYMENT)
                        .header("Idempotency-Key: " + "k".repeat(256)).refused(400, "INVALID_IDEMPOTENCY_KEY"),
                // Methods nobody serves.
                Hostile.request("TRACE", "TRACE", CUSTOMER).refused(405, "METHOD_NOT_ALLOWED"),
                Hostile.request("TRACE on health", "TRACE", "/actuator/health").anonymous().refused(405, "METHOD_NOT_ALLOWED"),
                Hostile.request("TRACK", "TRACK", CUSTOMER).refused(405, "METHOD_NOT_ALLOWED"),
                Hostile.request("PROPFIND", "PROPFIND", CUSTOMER).refused(405, "METHOD_NOT_ALLOWED"),
                Hostile.request("an invented method", "BREW", CUSTOMER).refused(405, "METHOD_NOT_ALLOWED"),
                Hostile.request("DELETE of a customer", "DELETE", CUSTOMER).refused(405, "METHOD_NOT_ALLOWED"),
                Hostile.post("PATCH of a customer", CUSTOMER, "{\"name\": \"x\"}").method("PATCH").refused(405, "METHOD_NOT_ALLOWED"),
                // Browsers from elsewhere.
                Hostile.request("a preflight from an unlisted origin", "OPTIONS", PROMISES).anonymous()
                        .header("Origin: https://evil.example.net").header("Access-Control-Request-Method: POST")
                        .refused(403, "CORS_REQUEST_REFUSED"),
                Hostile.request("a preflight from the null origin", "OPTIONS", PROMISES).anonymous()
                        .header("Origin: null").header("Access-Control-Request-Method: POST").refused(403, "CORS_REQUEST_REFUSED"),
                Hostile.request("a preflight for DELETE from a listed origin", "OPTIONS", PROMISES).anonymous()
                        .header("Origin: https://collect.example.com").header("Access-Control-Request-Method: DELETE")
                        .refused(403, "CORS_REQUEST_REFUSED"),
                Hostile.post("a payment from an unlisted origin", PAYMENTS, VALID_PAYMENT)
                        .header("Origin: https://evil.example.net").refused(403, "CORS_REQUEST_REFUSED"),
                // Injections, oversized ids and wrong types.
                Hostile.post("SQL in a promise id", PROMISES, VALID_PROMISE.replace("{", "{\"promiseId\": \"x'; DROP TABLE domainevententry; --\", ")).invalid("promiseId"),
                Hostile.post("SQL in a payment's promise id", PAYMENTS, VALID_PAYMENT.replace("}", ", \"promiseId\": \"1 OR 1=1\"}")).invalid("promiseId"),
                Hostile.request("SQL in the as-of instant", "GET", CUSTOMER + "/reliability?asOf=2026-01-01'%20OR%20'1'='1").as(AUDITOR).refused(400, "BAD_REQUEST"),
                Hostile.request("SQL in the reminder date", "GET", "/api/v1/reminders/due?on=1;SELECT%201").refused(400, "BAD_REQUEST"),
                Hostile.request("a customer id of 1000 characters", "GET", "/api/v1/customers/" + "c".repeat(1000)).invalid("customerId"),
                Hostile.post("a payment id of 65 characters", PAYMENTS, VALID_PAYMENT.replace("}", ", \"paymentId\": \"" + "p".repeat(65) + "\"}")).invalid("paymentId"),
                Hostile.post("a plan id of 65 characters", PLANS, "{\"planId\": \"" + "q".repeat(65) + "\", \"currency\": \"CNY\", \"channel\": \"VISIT\", "
                        + "\"installments\": [{\"dueDate\": \"2030-01-01\", \"amount\": \"1.00\"}]}").invalid("planId"),
                Hostile.post("a currency as a number", PAYMENTS, VALID_PAYMENT.replace("\"CNY\"", "156")).invalid("currency"),
                Hostile.post("a channel as an array", PROMISES, VALID_PROMISE.replace("\"PHONE\"", "[\"PHONE\"]")).invalid("channel"),
                Hostile.post("a note as a number", PROMISES, VALID_PROMISE.replace("}", ", \"note\": 5}")).invalid("note"),
                Hostile.post("a customer's name as an array", CUSTOMER, "{\"name\": [\"Hotel\"], \"currency\": \"CNY\"}").method("PUT").invalid("name"),
                Hostile.post("upheld as 1", PROMISE + "/dispute/resolution", "{\"upheld\": 1}").invalid("upheld"),
                Hostile.post("a null body", PROMISES, "null").refused(400, "MALFORMED_JSON"),
                // Paths that try to go somewhere else.
                Hostile.request("dot segments to the actuator", "GET", "/api/v1/customers/../../../actuator/env").refused(400, "BAD_REQUEST"),
                Hostile.request("encoded dot segments", "GET", "/api/v1/customers/%2e%2e/%2e%2e/actuator/env").refused(400, "BAD_REQUEST"),
                Hostile.request("an encoded slash", "GET", "/api/v1/customers/a%2F..%2F..%2Fadmin").refused(400, "BAD_REQUEST"),
                Hostile.request("a double slash", "GET", "/api/v1//customers/{c}").refused(400, "BAD_REQUEST"),
                Hostile.request("a backslash", "GET", "/api/v1/customers/%5C..%5Cadmin").refused(400, "BAD_REQUEST"),
                Hostile.request("a NUL byte in the path", "GET", "/api/v1/customers/x%00y").refused(400, "BAD_REQUEST"),
                Hostile.request("a bad percent escape", "GET", "/api/v1/customers/%ZZ").refused(400, "BAD_REQUEST"),
                Hostile.request("a path parameter", "GET", "/api/v1/customers/x;role=ADMIN").refused(400, "BAD_REQUEST"),
                Hostile.request("the environment for an admin", "GET", "/actuator/env").as(ADMIN).refused(404, "NOT_FOUND"),
                Hostile.request("a heap dump for an admin", "GET", "/actuator/heapdump").as(ADMIN).refused(404, "NOT_FOUND"),
                Hostile.request("metrics for a collector", "GET", "/actuator/prometheus").refused(403, "FORBIDDEN"),
                // Headers and roles.
                Hostile.post("a payment by an auditor", PAYMENTS, VALID_PAYMENT).as(AUDITOR).refused(403, "FORBIDDEN"),
                Hostile.post("a rebuild by a collector", "/api/v1/admin/projections/rebuild", "{}").refused(403, "FORBIDDEN"),
                Hostile.post("a bearer token", PAYMENTS, VALID_PAYMENT).anonymous().header("Authorization: Bearer eyJhbGciOiJub25lIn0.e30.").refused(401, "UNAUTHORIZED"),
                Hostile.post("Basic credentials without a colon", PAYMENTS, VALID_PAYMENT).anonymous()
                        .header("Authorization: Basic " + base64("collector")).refused(401, "UNAUTHORIZED"),
                Hostile.post("SQL in the user name", PAYMENTS, VALID_PAYMENT).anonymous()
                        .header("Authorization: Basic " + base64("' OR '1'='1:x")).refused(401, "UNAUTHORIZED"),
                Hostile.post("a line break in the user name", PAYMENTS, VALID_PAYMENT).anonymous()
                        .header("Authorization: Basic " + base64("collector\nINFO forged log line:x")).refused(401, "UNAUTHORIZED"),
                Hostile.post("form data for JSON", PAYMENTS, "amount=10.00&currency=CNY&paidOn=2026-06-01")
                        .contentType("application/x-www-form-urlencoded").refused(415, "UNSUPPORTED_MEDIA_TYPE"),
                Hostile.post("a charset nobody knows", PAYMENTS, VALID_PAYMENT).contentType("application/json; charset=x-no-such-set").refused(415, "UNSUPPORTED_MEDIA_TYPE"),
                Hostile.post("a header larger than the server reads", PAYMENTS, VALID_PAYMENT).header("X-Filler: " + "f".repeat(10_000)).refused(400, "BAD_REQUEST"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedAsAProblemAndStoresNothing(Hostile hostile) {
        long eventsBefore = events.count();
        int historyBefore = events.of(customerId).size();
        long keysBefore = storedKeys();

        RawHttp.Answer answer = RawHttp.send(port, hostile.method, hostile.target.replace("{c}", customerId).replace("{p}", promiseId),
                headersOf(hostile), hostile.body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(hostile.status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(hostile.status);
        assertThat(problem.path("code").asText()).as(answer.toString()).isEqualTo(hostile.code);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (hostile.field != null) {
            assertThat(StreamSupport.stream(problem.path("errors").spliterator(), false).map(error -> error.path("field").asText()))
                    .as(answer.toString()).contains(hostile.field);
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at org.");
        assertThat(events.count()).isEqualTo(eventsBefore);
        assertThat(events.of(customerId)).hasSize(historyBefore);
        assertThat(storedKeys()).isEqualTo(keysBefore);
    }

    @Test
    void thereAreAtLeastSixtyDistinctOnes() {
        assertThat(hostileRequests().map(hostile -> hostile.name).distinct().count()).isGreaterThanOrEqualTo(60);
    }

    private List<String> headersOf(Hostile hostile) {
        List<String> headers = new ArrayList<>();
        if (hostile.user != null) {
            headers.add("Authorization: Basic " + base64(hostile.user.name + ":" + password(hostile.user)));
        }
        if (hostile.contentType != null) {
            headers.add("Content-Type: " + hostile.contentType);
        }
        headers.addAll(hostile.headers);
        return headers;
    }

    private long storedKeys() {
        return jdbc.queryForObject("select count(*) from idempotency_key", Long.class);
    }

    private static String password(Api.User user) {
        return user.name + "-pw";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
