package com.promises.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static com.promises.testing.Api.User.COLLECTOR;
import static com.promises.testing.Customers.anyId;
import static com.promises.testing.Customers.today;
import static org.assertj.core.api.Assertions.assertThat;

/** Every command of the contract over real HTTP: its happy path and the status codes API.md gives it. */
@IntegrationTest
class CommandEndpointsTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Customers customers;
    EventStoreRows events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        customers = new Customers(api);
        events = new EventStoreRows(jdbc);
    }

    @Test
    void registeringANewCustomerIs201AndTheSameAgainIs200AndAConflictingOneIs409() {
        String customerId = anyId("cust");
        String path = "/api/v1/customers/" + customerId;

        var created = api.as(COLLECTOR).put(path, "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}");
        var same = api.as(COLLECTOR).put(path, "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}");
        var conflicting = api.as(COLLECTOR).put(path, "{\"name\": \"Hotel Zhonghua\", \"currency\": \"USD\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(path);
        assertThat(created.json().path("customerId").asText()).isEqualTo(customerId);
        assertThat(same.status()).isEqualTo(200);
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.code()).isEqualTo("CUSTOMER_ALREADY_REGISTERED");
        assertThat(conflicting.contentType()).isEqualTo("application/problem+json");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");
    }

    @Test
    void aPromiseIsRecordedWithTheIdTheClientChose() {
        String customerId = customers.registered();

        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises", """
                {"promiseId": "P-1", "amount": "1200.00", "currency": "CNY", "dueDate": "%s",
                 "madeOn": "%s", "channel": "PHONE", "inWriting": true, "reference": "INV-118", "note": "after their customer pays"}
                """.formatted(today().plusDays(14), today().minusDays(1)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("promiseId").asText()).isEqualTo("P-1");
        assertThat(answer.json().path("warnings").isArray()).isTrue();
        JsonNode made = events.of(customerId).get(1).payload();
        assertThat(made.path("promiseId").asText()).isEqualTo("P-1");
        assertThat(made.path("amount").path("amount").asText()).isEqualTo("1200.00");
        assertThat(made.path("dueDate").asText()).isEqualTo(today().plusDays(14).toString());
        assertThat(made.path("madeOn").asText()).isEqualTo(today().minusDays(1).toString());
    }

    @Test
    void aPromiseWithoutAnIdGetsOneMadeByTheService() {
        String customerId = customers.registered();

        var answer = api.as(COLLECTOR).beyondTheDocument().post("/api/v1/customers/" + customerId + "/promises", """
                {"amount": 300, "currency": "CNY", "dueDate": "%s", "channel": "EMAIL"}
                """.formatted(today().plusDays(5)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String promiseId = answer.json().path("promiseId").asText();
        assertThat(promiseId).matches("[A-Za-z0-9._:-]{1,64}");
        assertThat(events.of(customerId).get(1).payload().path("promiseId").asText()).isEqualTo(promiseId);
        assertThat(events.of(customerId).get(1).payload().path("amount").path("amount").asText()).isEqualTo("300.00");
    }

    @Test
    void doubtsAboutAPromiseComeBackAsWarningsAndItIsRecordedAnyway() {
        String customerId = customers.registered();

        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises", """
                {"amount": "80000.00", "currency": "CNY", "dueDate": "%s", "channel": "PHONE", "inWriting": false}
                """.formatted(today().plusDays(10)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("warnings").findValuesAsText("code")).contains("UNWRITTEN_LARGE_AMOUNT");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade");
    }

    @Test
    void aPaymentDatedTomorrowIs422() {
        String customerId = customers.registered();

        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/payments", """
                {"amount": "10.00", "currency": "CNY", "paidOn": "%s"}
                """.formatted(today().plusDays(1)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("INVALID_DATE");
    }

    @Test
    void aPromiseForAnUnknownCustomerIs404() {
        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + anyId("nobody") + "/promises", """
                {"amount": "100.00", "currency": "CNY", "dueDate": "%s", "channel": "PHONE"}
                """.formatted(today().plusDays(5)));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("CUSTOMER_NOT_FOUND");
    }

    @Test
    void aPromiseInAnotherCurrencyThanTheAccountsIs422() {
        String customerId = customers.registered("CNY");

        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises", """
                {"amount": "100.00", "currency": "USD", "dueDate": "%s", "channel": "PHONE"}
                """.formatted(today().plusDays(5)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("currency");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");
    }

    @Test
    void anInstallmentPlanMakesOnePromisePerInstallment() {
        String customerId = customers.registered();

        var answer = api.as(COLLECTOR).beyondTheDocument().post("/api/v1/customers/" + customerId + "/installment-plans", """
                {"planId": "PLAN-1", "currency": "CNY", "channel": "VISIT", "inWriting": true,
                 "installments": [{"dueDate": "%s", "amount": "500.00"}, {"dueDate": "%s", "amount": 700}]}
                """.formatted(today().plusDays(10), today().plusDays(40)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("planId").asText()).isEqualTo("PLAN-1");
        assertThat(answer.json().path("promiseIds")).hasSize(2);
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "InstallmentPlanMade", "PromiseMade", "PromiseMade");
    }

    @Test
    void aReminderIs201AndASecondOneInsideTheQuietDaysIs409() {
        String customerId = customers.registered();
        String promiseId = customers.promiseMade(customerId, "1000.00", today().plusDays(10));
        String path = "/api/v1/customers/" + customerId + "/promises/" + promiseId + "/reminders";

        var first = api.as(COLLECTOR).post(path, "{\"channel\": \"MESSAGE\", \"note\": \"due in ten days\"}");
        var second = api.as(COLLECTOR).post(path, "{\"channel\": \"PHONE\"}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("INSIDE_QUIET_DAYS");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "ReminderSent");
    }

    @Test
    void aReminderAboutAnUnknownPromiseIs404() {
        String customerId = customers.registered();

        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises/" + anyId("none") + "/reminders",
                "{\"channel\": \"PHONE\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("PROMISE_NOT_FOUND");
    }

    @Test
    void aPaymentAnswersWhereTheMoneyWent() {
        String customerId = customers.registered();
        String promiseId = customers.promiseMade(customerId, "1000.00", today().plusDays(10));

        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/payments", """
                {"paymentId": "PAY-1", "amount": "1250.00", "currency": "CNY", "paidOn": "%s"}
                """.formatted(today()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode paid = answer.json();
        assertThat(paid.path("paymentId").asText()).isEqualTo("PAY-1");
        assertThat(paid.path("allocations")).hasSize(1);
        assertThat(paid.path("allocations").get(0).path("promiseId").asText()).isEqualTo(promiseId);
        assertThat(paid.path("allocations").get(0).path("amount").path("amount").asText()).isEqualTo("1000.00");
        assertThat(paid.path("unallocated").path("amount").asText()).isEqualTo("250.00");
        assertThat(paid.path("unallocated").fieldNames()).toIterable().containsExactly("amount", "currency");
        assertThat(events.typesOf(customerId)).contains("PaymentRecorded");
    }

    @Test
    void aBrokenPromiseIs201AndBreakingItAgainIs409() {
        String customerId = customers.registered();
        String promiseId = customers.promiseMade(customerId, "1000.00", today().plusDays(10));
        String path = "/api/v1/customers/" + customerId + "/promises/" + promiseId + "/broken";

        var first = api.as(COLLECTOR).post(path, "{\"reason\": \"FUNDS_DIVERTED\", \"note\": \"bought a car\"}");
        var again = api.as(COLLECTOR).post(path, "{\"reason\": \"REFUSES\"}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PROMISE_ALREADY_VALUED");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "PromiseBroken");
    }

    @Test
    void aRenegotiationAnswersTheNewPromise() {
        String customerId = customers.registered();
        String promiseId = customers.promiseMade(customerId, "1000.00", today().plusDays(10));

        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises/" + promiseId + "/renegotiation", """
                {"newPromiseId": "P-NEW", "newDueDate": "%s", "newAmount": {"amount": "800.00", "currency": "CNY"},
                 "reason": "CASH_FLOW", "note": "asked for a month"}
                """.formatted(today().plusDays(40)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("promiseId").asText()).isEqualTo("P-NEW");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "PromiseRenegotiated", "PromiseMade");
    }

    @Test
    void aRenegotiationTakesABareNewAmountBesideACurrency() {
        String customerId = customers.registered();
        String promiseId = customers.promiseMade(customerId, "1000.00", today().plusDays(10));

        var answer = api.as(COLLECTOR).beyondTheDocument().post("/api/v1/customers/" + customerId + "/promises/" + promiseId + "/renegotiation", """
                {"newDueDate": "%s", "newAmount": "900.00", "currency": "CNY"}
                """.formatted(today().plusDays(30)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String newPromiseId = answer.json().path("promiseId").asText();
        assertThat(newPromiseId).isNotEqualTo(promiseId);
        JsonNode renewed = events.of(customerId).get(3).payload();
        assertThat(renewed.path("promiseId").asText()).isEqualTo(newPromiseId);
        assertThat(renewed.path("amount").path("amount").asText()).isEqualTo("900.00");
    }

    @Test
    void aCancellationIs201() {
        String customerId = customers.registered();
        String promiseId = customers.promiseMade(customerId, "1000.00", today().plusDays(10));

        var answer = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises/" + promiseId + "/cancellation",
                "{\"note\": \"recorded twice by mistake\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "PromiseCancelled");
    }

    @Test
    void aDisputeIsOpenedAndResolved() {
        String customerId = customers.registered();
        String promiseId = customers.promiseMade(customerId, "1000.00", today().plusDays(10));
        String path = "/api/v1/customers/" + customerId + "/promises/" + promiseId + "/dispute";

        var opened = api.as(COLLECTOR).post(path, "{\"reason\": \"GOODS_NOT_RECEIVED\", \"note\": \"second delivery missing\"}");
        var resolved = api.as(COLLECTOR).post(path + "/resolution", "{\"upheld\": false, \"note\": \"delivery note signed\"}");
        var resolvedAgain = api.as(COLLECTOR).post(path + "/resolution", "{\"upheld\": true}");

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(201);
        assertThat(resolvedAgain.status()).isEqualTo(409);
        assertThat(resolvedAgain.code()).isEqualTo("PROMISE_NOT_DISPUTED");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "DisputeOpened", "DisputeResolved");
    }

    @Test
    void everyEventCarriesTheActingUserAndTheRequestsCorrelationId() {
        String customerId = anyId("cust");

        var answer = api.as(COLLECTOR).header("X-Correlation-Id", "req-4711")
                .put("/api/v1/customers/" + customerId, "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}");

        assertThat(answer.header("X-Correlation-Id")).isEqualTo("req-4711");
        JsonNode metadata = events.of(customerId).get(0).metadata();
        assertThat(metadata.path("actor").asText()).isEqualTo("collector");
        assertThat(metadata.path("correlationId").asText()).isEqualTo("req-4711");
    }

    @Test
    void aRequestWithoutACorrelationIdGetsOneAndItsEventsCarryIt() {
        String customerId = customers.registered();
        LocalDate due = today().plusDays(3);

        var answer = api.as(Api.User.LEDGER).post("/api/v1/customers/" + customerId + "/promises", """
                {"amount": "10.00", "currency": "CNY", "dueDate": "%s", "channel": "PORTAL"}
                """.formatted(due));

        String correlationId = answer.header("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        JsonNode metadata = events.of(customerId).get(1).metadata();
        assertThat(metadata.path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(metadata.path("actor").asText()).isEqualTo("ledger");
    }

    @Test
    void aMalformedCorrelationIdIsReplacedNotRefused() {
        var answer = api.as(COLLECTOR).header("X-Correlation-Id", "<script>")
                .put("/api/v1/customers/" + anyId("cust"), "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("X-Correlation-Id")).isNotEqualTo("<script>").matches("[A-Za-z0-9._:-]+");
    }
}
