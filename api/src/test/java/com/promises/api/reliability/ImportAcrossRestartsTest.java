package com.promises.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is killed while it applies an import. Started again, it reports the import FAILED (its heartbeat
 * stopped), and the same file posted again applies what the first post did not, and nothing twice.
 */
class ImportAcrossRestartsTest {

    private static final int CUSTOMERS = 300;
    private static final int LINES_PER_CUSTOMER = 20;

    @Test
    void anImportCutShortByACrashIsFailedAndFinishedByPostingTheFileAgain() {
        String run = Customers.anyId("restart");
        String file = file(run);
        try (ServiceProcess service = ServiceProcess.of("import-restart", TestDatabase.freshDatabase())) {
            Api first = service.start().awaitReady().api();
            String firstImport = post(first, file).path("importId").asText();
            JsonNode[] progress = new JsonNode[1];
            Await.until("some lines are applied", Duration.ofMinutes(3), () -> {
                progress[0] = progress(first, firstImport);
                return progress[0].path("applied").asLong() >= 200;
            }, () -> progress[0]);

            service.kill();
            Api restarted = service.start().awaitReady().api();

            Await.until("the cut import is FAILED", Duration.ofMinutes(3), () -> {
                progress[0] = progress(restarted, firstImport);
                return "FAILED".equals(progress[0].path("status").asText());
            }, () -> progress[0]);
            long appliedBefore = progress[0].path("applied").asLong();
            assertThat(appliedBefore).isLessThan((long) CUSTOMERS * LINES_PER_CUSTOMER);
            assertThat(progress[0].path("failure").asText()).contains("Post the same file again");

            String secondImport = post(restarted, file).path("importId").asText();
            Await.until("the second import ends", Duration.ofMinutes(5), () -> {
                progress[0] = progress(restarted, secondImport);
                return !"RUNNING".equals(progress[0].path("status").asText());
            }, () -> progress[0]);
            JsonNode second = progress[0];
            assertThat(second.path("status").asText()).isEqualTo("DONE");
            assertThat(second.path("refusedCount").asLong()).isZero();
            assertThat(second.path("alreadyApplied").asLong()).isGreaterThanOrEqualTo(appliedBefore);
            assertThat(second.path("applied").asLong() + second.path("alreadyApplied").asLong())
                    .isEqualTo((long) CUSTOMERS * LINES_PER_CUSTOMER);
            for (int c = 0; c < CUSTOMERS; c++) {
                JsonNode events = restarted.as(Api.User.AUDITOR).get("/api/v1/customers/" + run + "-" + c + "/history").json().path("events");
                assertThat(events).as("customer %d's history", c).hasSize(LINES_PER_CUSTOMER);
            }
        }
    }

    /** Per customer: registered, 10 promises, 9 payments that keep none of them: one event a line. */
    private static String file(String run) {
        LocalDate due = Customers.today().plusDays(30);
        StringBuilder file = new StringBuilder();
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = run + "-" + c;
            file.append("""
                    {"command": "RegisterCustomer", "customerId": "%s", "name": "Hotel %d", "currency": "CNY"}
                    """.formatted(customer, c));
            for (int p = 1; p <= 10; p++) {
                file.append("""
                        {"command": "MakePromise", "customerId": "%s", "promiseId": "P-%d", "amount": "500.00", "currency": "CNY", "dueDate": "%s", "channel": "PHONE", "inWriting": true}
                        """.formatted(customer, p, due));
            }
            for (int p = 1; p < LINES_PER_CUSTOMER - 10; p++) {
                file.append("""
                        {"command": "RecordPayment", "customerId": "%s", "paymentId": "PAY-%d", "amount": "10.00", "currency": "CNY", "paidOn": "%s"}
                        """.formatted(customer, p, Customers.today()));
            }
        }
        return file.toString();
    }

    private static JsonNode post(Api api, String file) {
        Api.Answer answer = api.as(Api.User.COLLECTOR).header("Content-Type", "application/x-ndjson")
                .send("POST", "/api/v1/imports", HttpRequest.BodyPublishers.ofString(file));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        return answer.json();
    }

    private static JsonNode progress(Api api, String importId) {
        return api.as(Api.User.COLLECTOR).get("/api/v1/imports/" + importId).json();
    }
}
