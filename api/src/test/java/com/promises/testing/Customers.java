package com.promises.testing;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A small vocabulary for setting up customers over HTTP. Every id is new, so tests sharing a database never meet. */
public final class Customers {

    private final Api api;

    public Customers(Api api) {
        this.api = api;
    }

    public static String anyId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** Today in the business zone of the tests (UTC), by {@link TestClock}: the service's today too. */
    public static LocalDate today() {
        return TestClock.INSTANCE.today();
    }

    public String registered(String currency) {
        String customerId = anyId("cust");
        var answer = api.as(Api.User.COLLECTOR).put("/api/v1/customers/" + customerId,
                "{\"name\": \"Hotel Zhonghua\", \"currency\": \"" + currency + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return customerId;
    }

    public String registered() {
        return registered("CNY");
    }

    public String promiseMade(String customerId, String amount, LocalDate dueDate) {
        String promiseId = anyId("prom");
        var answer = api.as(Api.User.COLLECTOR).post("/api/v1/customers/" + customerId + "/promises", """
                {"promiseId": "%s", "amount": "%s", "currency": "CNY", "dueDate": "%s", "channel": "PHONE"}
                """.formatted(promiseId, amount, dueDate));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return promiseId;
    }
}
