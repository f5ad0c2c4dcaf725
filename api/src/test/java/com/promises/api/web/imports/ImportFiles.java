package com.promises.api.web.imports;

import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Files of commands as a migration would write them, and posting them. */
final class ImportFiles {

    static final String NDJSON = "application/x-ndjson";

    private ImportFiles() {
    }

    /** Per customer: registered, {@code promises} promises due {@code due}, {@code payments} payments of 10.00. */
    static List<String> customers(List<String> customerIds, int promises, int payments, LocalDate due) {
        List<String> lines = new ArrayList<>();
        for (String customerId : customerIds) {
            lines.add(register(customerId));
            for (int p = 1; p <= promises; p++) {
                lines.add(promise(customerId, "P-" + p, "500.00", due));
            }
            for (int p = 1; p <= payments; p++) {
                lines.add("""
                        {"command": "RecordPayment", "customerId": "%s", "paymentId": "PAY-%d", "amount": "10.00", "currency": "CNY", "paidOn": "%s"}"""
                        .formatted(customerId, p, Customers.today()));
            }
        }
        return lines;
    }

    static String register(String customerId) {
        return """
                {"command": "RegisterCustomer", "customerId": "%s", "name": "Hotel %s", "currency": "CNY"}""".formatted(customerId, customerId);
    }

    static String promise(String customerId, String promiseId, String amount, LocalDate due) {
        return """
                {"command": "MakePromise", "customerId": "%s", "promiseId": "%s", "amount": "%s", "currency": "CNY", "dueDate": "%s", "channel": "PHONE"}"""
                .formatted(customerId, promiseId, amount, due);
    }

    static Api.Answer post(Api api, String file) {
        return api.as(Api.User.COLLECTOR).header("Content-Type", NDJSON)
                .send("POST", "/api/v1/imports", HttpRequest.BodyPublishers.ofString(file));
    }

    static Api.Answer post(Api api, String file, String idempotencyKey) {
        return api.as(Api.User.COLLECTOR).header("Content-Type", NDJSON).idempotencyKey(idempotencyKey)
                .send("POST", "/api/v1/imports", HttpRequest.BodyPublishers.ofString(file));
    }

    /** Posts the file and waits until it has ended; answers its last progress. */
    static JsonNode imported(Api api, String file, Duration patience) {
        Api.Answer started = post(api, file);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return ended(api, started.json().path("importId").asText(), patience);
    }

    static JsonNode ended(Api api, String importId, Duration patience) {
        JsonNode[] last = new JsonNode[1];
        Await.until("import " + importId + " ends", patience, () -> {
            Api.Answer progress = api.as(Api.User.COLLECTOR).get("/api/v1/imports/" + importId);
            assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
            last[0] = progress.json();
            return !"RUNNING".equals(last[0].path("status").asText());
        }, () -> last[0]);
        return last[0];
    }
}
