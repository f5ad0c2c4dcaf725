package com.promises.api.infrastructure.idempotency;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.promises.testing.Api.User.COLLECTOR;
import static com.promises.testing.Api.User.LEDGER;
import static com.promises.testing.Customers.anyId;
import static com.promises.testing.Customers.today;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries with one Idempotency-Key record once and answer alike; another body under the same key is refused. */
@IntegrationTest
class IdempotencyTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    Api api;
    Customers customers;
    EventStoreRows events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        customers = new Customers(api);
        events = new EventStoreRows(jdbc);
    }

    private String aPromiseWithoutId(String amount) {
        return """
                {"amount": "%s", "currency": "CNY", "dueDate": "%s", "channel": "PHONE"}
                """.formatted(amount, today().plusDays(9));
    }

    @Test
    void tenSequentialRetriesRecordOncePromiseAndAllGetTheFirstAnswer() {
        String customerId = customers.registered();
        String key = anyId("key");

        List<Api.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(api.as(COLLECTOR).idempotencyKey(key)
                    .post("/api/v1/customers/" + customerId + "/promises", aPromiseWithoutId("250.00")));
        }

        assertThat(answers).extracting(Api.Answer::status).containsOnly(201);
        assertThat(answers).extracting(Api.Answer::body).containsOnly(answers.get(0).body());
        assertThat(answers.get(0).header("Idempotent-Replayed")).isNull();
        assertThat(answers.get(9).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade");
        assertThat(events.of(customerId).get(1).payload().path("promiseId").asText())
                .isEqualTo(answers.get(0).json().path("promiseId").asText());
    }

    @Test
    void twentyConcurrentRetriesRecordOncePromiseAndAllGetTheSameAnswer() throws Exception {
        String customerId = customers.registered();
        String key = anyId("key");
        ExecutorService clients = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(clients.submit(() -> {
                    start.await();
                    return api.as(COLLECTOR).idempotencyKey(key)
                            .post("/api/v1/customers/" + customerId + "/promises", aPromiseWithoutId("420.00"));
                }));
            }
            start.countDown();
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }

            assertThat(answers).extracting(Api.Answer::status).containsOnly(201);
            assertThat(answers).extracting(Api.Answer::body).containsOnly(answers.get(0).body());
            assertThat(answers).filteredOn(answer -> answer.header("Idempotent-Replayed") == null).hasSize(1);
            assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        String customerId = customers.registered();
        String key = anyId("key");
        String path = "/api/v1/customers/" + customerId + "/promises";
        api.as(COLLECTOR).idempotencyKey(key).post(path, aPromiseWithoutId("100.00"));

        var reused = api.as(COLLECTOR).idempotencyKey(key).post(path, aPromiseWithoutId("999.00"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade");
    }

    @Test
    void theSameKeyOnAnotherPathIs422() {
        String customerId = customers.registered();
        String key = anyId("key");
        api.as(COLLECTOR).idempotencyKey(key).post("/api/v1/customers/" + customerId + "/promises", aPromiseWithoutId("100.00"));

        var elsewhere = api.as(COLLECTOR).idempotencyKey(key).put("/api/v1/customers/" + anyId("cust"),
                "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}");

        assertThat(elsewhere.status()).isEqualTo(422);
    }

    /**
     * The path is part of the request the key stands for: the same key and body sent for another customer is not
     * answered with the first customer's stored answer (which would tell the collector B's promise was recorded).
     */
    @Test
    void theSameKeyAndBodyForAnotherCustomerIsNotAnsweredWithTheFirstCustomersAnswer() {
        String first = customers.registered();
        String second = customers.registered();
        String key = anyId("key");
        String body = aPromiseWithoutId("100.00");

        var forFirst = api.as(COLLECTOR).idempotencyKey(key).post("/api/v1/customers/" + first + "/promises", body);
        var forSecond = api.as(COLLECTOR).idempotencyKey(key).post("/api/v1/customers/" + second + "/promises", body);

        assertThat(forFirst.status()).isEqualTo(201);
        assertThat(forSecond.status()).as(forSecond.toString()).isEqualTo(422);
        assertThat(forSecond.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(forSecond.header("Idempotent-Replayed")).isNull();
        assertThat(events.typesOf(first)).containsExactly("CustomerRegistered", "PromiseMade");
        assertThat(events.typesOf(second)).containsExactly("CustomerRegistered");
        // Under its own key the second customer's promise is recorded, with an answer of its own.
        var ownKey = api.as(COLLECTOR).idempotencyKey(anyId("key")).post("/api/v1/customers/" + second + "/promises", body);
        assertThat(ownKey.status()).isEqualTo(201);
        assertThat(events.typesOf(second)).containsExactly("CustomerRegistered", "PromiseMade");
        assertThat(events.of(second).get(1).payload().path("promiseId").asText())
                .isEqualTo(ownKey.json().path("promiseId").asText())
                .isNotEqualTo(forFirst.json().path("promiseId").asText());
    }

    @Test
    void keysBelongToTheirUser() {
        String customerId = customers.registered();
        String key = anyId("key");
        String path = "/api/v1/customers/" + customerId + "/promises";

        var mine = api.as(COLLECTOR).idempotencyKey(key).post(path, aPromiseWithoutId("100.00"));
        var theirs = api.as(LEDGER).idempotencyKey(key).post(path, aPromiseWithoutId("100.00"));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().path("promiseId").asText()).isNotEqualTo(mine.json().path("promiseId").asText());
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "PromiseMade");
    }

    @Test
    void aRefusedRequestKeepsNothingSoTheCorrectedOneMayUseTheSameKey() {
        String customerId = anyId("cust");
        String key = anyId("key");
        String path = "/api/v1/customers/" + customerId + "/promises";

        var refused = api.as(COLLECTOR).idempotencyKey(key).post(path, aPromiseWithoutId("100.00"));
        api.as(COLLECTOR).put("/api/v1/customers/" + customerId, "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}");
        var accepted = api.as(COLLECTOR).idempotencyKey(key).post(path, aPromiseWithoutId("100.00"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aReplayedRegistrationKeepsItsStatusAndLocation() {
        String customerId = anyId("cust");
        String key = anyId("key");
        String path = "/api/v1/customers/" + customerId;

        var first = api.as(COLLECTOR).idempotencyKey(key).put(path, "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}");
        var again = api.as(COLLECTOR).idempotencyKey(key).put(path, "{\"name\": \"Hotel Zhonghua\", \"currency\": \"CNY\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Location")).isEqualTo(path);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void aRetryThatOutwaitsTheFirstRequestIs409AndStoresNothing() throws Exception {
        String customerId = customers.registered();
        String key = anyId("key");
        try (Connection firstRequest = dataSource.getConnection()) {
            firstRequest.setAutoCommit(false);
            try (var claim = firstRequest.prepareStatement(
                    "insert into idempotency_key (principal, idempotency_key, request_hash) values ('collector', ?, '\\x00')")) {
                claim.setString(1, key);
                claim.executeUpdate();
            }

            var retry = api.as(COLLECTOR).idempotencyKey(key)
                    .post("/api/v1/customers/" + customerId + "/promises", aPromiseWithoutId("100.00"));

            firstRequest.rollback();
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
        }
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");
    }

    @Test
    void aKeyLongerThan255CharactersIs400() {
        String customerId = customers.registered();

        var answer = api.as(COLLECTOR).idempotencyKey("k".repeat(256))
                .post("/api/v1/customers/" + customerId + "/promises", aPromiseWithoutId("100.00"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");
    }

    @Test
    void answersAreKeptInTheDatabaseWithTheirUser() {
        String customerId = customers.registered();
        String key = anyId("key");

        api.as(COLLECTOR).idempotencyKey(key).post("/api/v1/customers/" + customerId + "/promises", aPromiseWithoutId("100.00"));

        Integer status = jdbc.queryForObject(
                "select status from idempotency_key where principal = 'collector' and idempotency_key = ?", Integer.class, key);
        assertThat(status).isEqualTo(201);
    }
}
