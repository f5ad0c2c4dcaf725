package com.promises.api.infrastructure.problem;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;

import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests: each is a 4xx problem+json with a stable code, and none of them
 * stores anything. {c} is a registered CNY customer, {p} an open promise of it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final String PROMISES = "/api/v1/customers/{c}/promises";
    private static final String PAYMENTS = "/api/v1/customers/{c}/payments";
    private static final String REMINDERS = "/api/v1/customers/{c}/promises/{p}/reminders";
    private static final String VALID_PROMISE = """
            {"amount": "100.00", "currency": "CNY", "dueDate": "2030-07-15", "channel": "PHONE"}""";

    record Bad(String name, String method, String path, String contentType, String body, int status, String code) {

        static Bad post(String name, String path, String body, int status, String code) {
            return new Bad(name, "POST", path, "application/json", body, status, code);
        }

        static Bad promise(String name, String fields, int status, String code) {
            return post(name, PROMISES, "{" + fields + "}", status, code);
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

    Api api;
    EventStoreRows events;
    String customerId;
    String promiseId;

    @BeforeAll
    void aCustomerWithAPromise() {
        api = new Api(port);
        events = new EventStoreRows(jdbc);
        Customers customers = new Customers(api);
        customerId = customers.registered("CNY");
        promiseId = customers.promiseMade(customerId, "1000.00", Customers.today().plusDays(20));
    }

    Stream<Bad> badRequests() {
        String tenMegabytes = "{\"note\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        String deepNesting = "{\"note\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        return Stream.of(
                Bad.promise("truncated JSON", "\"amount\": ", 400, "MALFORMED_JSON"),
                Bad.post("not JSON at all", PROMISES, "hello", 400, "MALFORMED_JSON"),
                Bad.post("an empty body", PROMISES, "", 400, "MALFORMED_JSON"),
                Bad.post("an array for the body", PROMISES, "[]", 400, "MALFORMED_JSON"),
                Bad.post("trailing garbage", PROMISES, VALID_PROMISE + " {}", 400, "MALFORMED_JSON"),
                Bad.promise("a repeated key", "\"amount\": \"1.00\", \"amount\": \"999999.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "MALFORMED_JSON"),
                Bad.promise("an unknown field", "\"amount\": \"1.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\", \"priority\": \"high\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a boolean amount", "\"amount\": true, \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("an object amount", "\"amount\": {}, \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a word for an amount", "\"amount\": \"ten\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a negative amount", "\"amount\": \"-5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a zero amount", "\"amount\": 0, \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("three decimals in CNY", "\"amount\": \"10.001\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("decimals in JPY", "\"amount\": \"1.5\", \"currency\": \"JPY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a huge exponent", "\"amount\": 1e999999999, \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a tiny exponent", "\"amount\": \"1e-999999999\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a thousand digits", "\"amount\": " + "9".repeat(1000) + ", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, null),
                Bad.promise("another currency than the account's", "\"amount\": \"5.00\", \"currency\": \"USD\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 422, "CURRENCY_MISMATCH"),
                Bad.promise("an unknown currency", "\"amount\": \"5.00\", \"currency\": \"XYZ\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a lower-case currency", "\"amount\": \"5.00\", \"currency\": \"cny\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("gold for a currency", "\"amount\": \"5.00\", \"currency\": \"XAU\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("an unknown channel", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"FAX\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a channel by number", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": 1", 400, "VALIDATION_FAILED"),
                Bad.promise("no channel", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\"", 400, "VALIDATION_FAILED"),
                Bad.promise("no due date", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("the 30th of February", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-02-30\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a day-first date", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"15/07/2030\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a date as a number", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": 20300715, \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a five-digit year", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"+99999-01-01\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a promise id with a space", "\"promiseId\": \"a b\", \"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a promise id of 65 characters", "\"promiseId\": \"" + "p".repeat(65) + "\", \"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a promise id as a number", "\"promiseId\": 42, \"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\"", 400, "VALIDATION_FAILED"),
                Bad.promise("yes for in writing", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\", \"inWriting\": \"yes\"", 400, "VALIDATION_FAILED"),
                Bad.promise("script in a note", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\", \"note\": \"<script>alert(1)</script>\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a NUL character in a note", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\", \"note\": \"a\\u0000b\"", 400, "VALIDATION_FAILED"),
                Bad.promise("a note of 2001 characters", "\"amount\": \"5.00\", \"currency\": \"CNY\", \"dueDate\": \"2030-07-15\", \"channel\": \"PHONE\", \"note\": \"" + "n".repeat(2001) + "\"", 400, "VALIDATION_FAILED"),
                Bad.post("nesting 5000 deep", PROMISES, deepNesting, 400, null),
                Bad.post("SQL in a note to an unknown promise", "/api/v1/customers/{c}/promises/no-such-promise/reminders",
                        "{\"channel\": \"PHONE\", \"note\": \"'); DELETE FROM domainevententry; --\"}", 404, "PROMISE_NOT_FOUND"),
                Bad.post("SQL in the customer id", "/api/v1/customers/x'%20OR%20'1'='1/promises", VALID_PROMISE, 400, "VALIDATION_FAILED"),
                Bad.post("a semicolon in the path", "/api/v1/customers/x';DROP%20TABLE%20domainevententry;--/promises", VALID_PROMISE, 400, "BAD_REQUEST"),
                Bad.post("an encoded slash in the customer id", "/api/v1/customers/a%2Fb/promises", VALID_PROMISE, 400, "BAD_REQUEST"),
                Bad.post("a customer id of 65 characters", "/api/v1/customers/" + "c".repeat(65) + "/promises", VALID_PROMISE, 400, "VALIDATION_FAILED"),
                Bad.post("an unknown customer", "/api/v1/customers/nobody-at-all/promises", VALID_PROMISE, 404, "CUSTOMER_NOT_FOUND"),
                Bad.post("a reminder about an unknown promise", "/api/v1/customers/{c}/promises/nothing-here/reminders", "{\"channel\": \"PHONE\"}", 404, "PROMISE_NOT_FOUND"),
                Bad.post("markup in a reminder note", REMINDERS, "{\"channel\": \"PHONE\", \"note\": \"<img src=x onerror=alert(1)>\"}", 400, "VALIDATION_FAILED"),
                Bad.post("a payment without its date", PAYMENTS, "{\"amount\": \"5.00\", \"currency\": \"CNY\"}", 400, "VALIDATION_FAILED"),
                Bad.post("a payment of minus one", PAYMENTS, "{\"amount\": -1, \"currency\": \"CNY\", \"paidOn\": \"2030-01-01\"}", 400, "VALIDATION_FAILED"),
                Bad.post("an empty installment plan", "/api/v1/customers/{c}/installment-plans", "{\"currency\": \"CNY\", \"channel\": \"VISIT\", \"installments\": []}", 400, "VALIDATION_FAILED"),
                Bad.post("a negative installment", "/api/v1/customers/{c}/installment-plans", "{\"currency\": \"CNY\", \"channel\": \"VISIT\", \"installments\": [{\"dueDate\": \"2030-01-01\", \"amount\": \"-3\"}]}", 400, "VALIDATION_FAILED"),
                Bad.post("an unknown reason", "/api/v1/customers/{c}/promises/{p}/broken", "{\"reason\": \"BROKE\"}", 400, "VALIDATION_FAILED"),
                Bad.post("a broken promise without a reason", "/api/v1/customers/{c}/promises/{p}/broken", "{\"note\": \"no idea\"}", 400, "VALIDATION_FAILED"),
                Bad.post("a cancellation without a note", "/api/v1/customers/{c}/promises/{p}/cancellation", "{}", 400, "VALIDATION_FAILED"),
                Bad.post("a bare new amount without a currency", "/api/v1/customers/{c}/promises/{p}/renegotiation", "{\"newDueDate\": \"2030-09-01\", \"newAmount\": \"50.00\"}", 400, "VALIDATION_FAILED"),
                Bad.post("upheld as a string", "/api/v1/customers/{c}/promises/{p}/dispute/resolution", "{\"upheld\": \"true\"}", 400, "VALIDATION_FAILED"),
                Bad.post("a resolution without upheld", "/api/v1/customers/{c}/promises/{p}/dispute/resolution", "{\"note\": \"settled\"}", 400, "VALIDATION_FAILED"),
                new Bad("a customer named with markup", "PUT", "/api/v1/customers/markup-customer", "application/json", "{\"name\": \"<b>Big</b> Hotel\", \"currency\": \"CNY\"}", 400, "VALIDATION_FAILED"),
                new Bad("a customer without a currency", "PUT", "/api/v1/customers/no-currency", "application/json", "{\"name\": \"Hotel\"}", 400, "VALIDATION_FAILED"),
                new Bad("plain text for JSON", "POST", PROMISES, "text/plain", VALID_PROMISE, 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Bad("XML for JSON", "POST", PROMISES, "application/xml", "<promise amount=\"5\"/>", 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Bad("no content type", "POST", PROMISES, null, VALID_PROMISE, 415, "UNSUPPORTED_MEDIA_TYPE"),
                Bad.post("a 10 MB body", PROMISES, tenMegabytes, 413, "PAYLOAD_TOO_LARGE"),
                new Bad("a DELETE", "DELETE", "/api/v1/customers/{c}", null, "", 405, "METHOD_NOT_ALLOWED"),
                Bad.post("a path that does not exist", "/api/v1/customers/{c}/promises/{p}/explode", "{}", 404, "NOT_FOUND"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAsAProblemAndStoresNothing(Bad bad) {
        long before = events.count();

        Api.Call call = api.as(COLLECTOR);
        if (bad.contentType() != null) {
            call.header("Content-Type", bad.contentType());
        }
        Api.Answer answer = call.send(bad.method(), bad.path().replace("{c}", customerId).replace("{p}", promiseId),
                HttpRequest.BodyPublishers.ofString(bad.body()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(bad.status());
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(bad.status());
        assertThat(answer.json().path("detail").asText()).isNotBlank();
        if (bad.code() != null) {
            assertThat(answer.code()).isEqualTo(bad.code());
        }
        if ("VALIDATION_FAILED".equals(bad.code())) {
            assertThat(answer.json().path("errors")).as(answer.toString()).isNotEmpty();
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(events.count()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void aChunkedBodyOverTheLimitIsRefusedWhileItIsRead() {
        long before = events.count();
        byte[] twoMegabytes = ("{\"note\": \"" + "y".repeat(2 * 1024 * 1024) + "\"}").getBytes();

        Api.Answer answer = api.as(COLLECTOR).header("Content-Type", "application/json")
                .send("POST", PROMISES.replace("{c}", customerId),
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(events.count()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastFortyOfThem() {
        assertThat(badRequests().map(Bad::name).distinct().toList()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(List.of(customerId, promiseId)).doesNotContainNull();
    }
}
