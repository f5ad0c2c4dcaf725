package com.promises.api.command;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.promises.testing.Api.User.COLLECTOR;
import static com.promises.testing.Customers.today;
import static org.assertj.core.api.Assertions.assertThat;

/** Many clients writing to one customer at once: every command succeeds or fails cleanly, and each success is stored once. */
@IntegrationTest
class ConcurrentCommandsTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thirtyConcurrentCommandsOnOneCustomerGiveNo500AndEverySuccessIsInTheHistoryOnce() throws Exception {
        Api api = new Api(port);
        EventStoreRows events = new EventStoreRows(jdbc);
        String customerId = new Customers(api).registered();
        ExecutorService clients = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String body = i % 3 == 0
                        ? "{\"amount\": \"%d.00\", \"currency\": \"CNY\", \"paidOn\": \"%s\"}".formatted(10 + i, today())
                        : "{\"promiseId\": \"P-%d\", \"amount\": \"%d.00\", \"currency\": \"CNY\", \"dueDate\": \"%s\", \"channel\": \"PHONE\"}"
                                .formatted(i, 100 + i, today().plusDays(i + 1));
                String path = "/api/v1/customers/" + customerId + (i % 3 == 0 ? "/payments" : "/promises");
                futures.add(clients.submit(() -> {
                    start.await();
                    return api.as(COLLECTOR).post(path, body);
                }));
            }
            start.countDown();
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 409));
            List<String> acceptedIds = answers.stream().filter(answer -> answer.status() == 201)
                    .map(answer -> answer.json().has("paymentId") ? answer.json().path("paymentId").asText()
                            : answer.json().path("promiseId").asText())
                    .toList();
            List<String> storedIds = events.of(customerId).stream()
                    .filter(row -> row.type().equals("PromiseMade") || row.type().equals("PaymentRecorded"))
                    .map(row -> row.type().equals("PromiseMade") ? row.payload().path("promiseId").asText()
                            : row.payload().path("paymentId").asText())
                    .toList();
            assertThat(storedIds).containsExactlyInAnyOrderElementsOf(acceptedIds);
            assertThat(acceptedIds).hasSize(30);
        } finally {
            clients.shutdownNow();
        }
    }
}
