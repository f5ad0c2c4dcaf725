package com.promises.api.web.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ImportTest {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @LocalServerPort
    int port;
    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aFileOfTenThousandLinesIsAppliedOnceAndNothingTwiceWhenPostedAgain() {
        String run = Customers.anyId("imp");
        List<String> customerIds = IntStream.range(0, 500).mapToObj(i -> run + "-" + i).toList();
        LocalDate due = Customers.today().plusDays(30);
        String file = String.join("\n", ImportFiles.customers(customerIds, 12, 7, due)) + "\n";

        JsonNode first = ImportFiles.imported(api, file, PATIENCE);

        assertThat(first.path("status").asText()).isEqualTo("DONE");
        assertThat(first.path("lines").asLong()).isEqualTo(10_000);
        assertThat(first.path("applied").asLong()).as(first.toString()).isEqualTo(10_000);
        assertThat(first.path("alreadyApplied").asLong()).isZero();
        assertThat(first.path("refused")).isEmpty();
        assertThat(first.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(first.path("secondsLeft").asLong()).isZero();
        Map<String, Long> before = eventTypes(customerIds.get(0));
        assertThat(before).containsEntry("CustomerRegistered", 1L).containsEntry("PromiseMade", 12L)
                .containsEntry("PaymentRecorded", 7L);
        JsonNode last = api.as(Api.User.COLLECTOR).get("/api/v1/customers/" + customerIds.get(499)).json();
        assertThat(last.path("promises")).hasSize(12);
        BigDecimal paid = BigDecimal.ZERO;
        for (JsonNode promise : last.path("promises")) {
            JsonNode amount = promise.path("paid");
            paid = paid.add(new BigDecimal(amount.isObject() ? amount.path("amount").asText() : amount.asText()));
        }
        assertThat(paid).isEqualByComparingTo("70.00");

        JsonNode again = ImportFiles.imported(api, file, PATIENCE);

        assertThat(again.path("importId").asText()).isNotEqualTo(first.path("importId").asText());
        assertThat(again.path("status").asText()).isEqualTo("DONE");
        assertThat(again.path("alreadyApplied").asLong()).isEqualTo(10_000);
        assertThat(again.path("applied").asLong()).isZero();
        assertThat(again.path("refused")).isEmpty();
        assertThat(eventTypes(customerIds.get(0))).isEqualTo(before);
    }

    @Test
    void badLinesAreRefusedByLineNumberAndTheRestApplied() {
        String customerId = Customers.anyId("imp");
        String stranger = Customers.anyId("nobody");
        LocalDate due = Customers.today().plusDays(20);
        String file = String.join("\n",
                ImportFiles.register(customerId),                                                  // 1
                "{\"command\": \"MakePromise\", \"customerId\": ",                                  // 2 cut JSON
                "",                                                                                 // 3 blank: skipped
                "{\"command\": \"Teleport\", \"customerId\": \"" + customerId + "\"}",              // 4 no such command
                ImportFiles.promise(customerId, "P-1", "-5.00", due),                               // 5 negative amount
                ImportFiles.promise(stranger, "P-1", "100.00", due),                                // 6 unknown customer
                ImportFiles.promise(customerId, "P-1", "100.00", due),                              // 7 applied
                "{\"command\": \"MakePromise\", \"customerId\": \"" + customerId
                        + "\", \"amount\": \"50.00\", \"currency\": \"CNY\", \"dueDate\": \"" + due + "\", \"channel\": \"PHONE\"}", // 8 no promiseId
                "{\"command\": \"SendReminder\", \"customerId\": \"" + customerId + "\", \"promiseId\": \"P-9\", \"channel\": \"PHONE\"}", // 9
                "[1, 2]",                                                                           // 10 not an object
                ImportFiles.promise(customerId, "P-2", "200.00", due)) + "\n";                      // 11 applied

        JsonNode progress = ImportFiles.imported(api, file, PATIENCE);

        assertThat(progress.path("status").asText()).isEqualTo("DONE");
        assertThat(progress.path("lines").asLong()).isEqualTo(10);
        assertThat(progress.path("applied").asLong()).isEqualTo(3);
        assertThat(progress.path("refusedCount").asLong()).isEqualTo(7);
        Map<Long, String> refused = StreamSupport.stream(progress.path("refused").spliterator(), false)
                .collect(Collectors.toMap(line -> line.path("line").asLong(), line -> line.path("code").asText()));
        assertThat(refused).containsExactlyInAnyOrderEntriesOf(Map.of(
                2L, "MALFORMED_JSON",
                4L, "VALIDATION_FAILED",
                5L, "VALIDATION_FAILED",
                6L, "CUSTOMER_NOT_FOUND",
                8L, "VALIDATION_FAILED",
                9L, "PROMISE_NOT_FOUND",
                10L, "MALFORMED_JSON"));
        assertThat(detailOf(progress, 8)).contains("promiseId");
        assertThat(detailOf(progress, 5)).contains("amount");
        JsonNode summary = api.as(Api.User.COLLECTOR).get("/api/v1/customers/" + customerId).json();
        assertThat(summary.path("promises").findValuesAsText("promiseId")).containsExactlyInAnyOrder("P-1", "P-2");
        assertThat(api.as(Api.User.COLLECTOR).get("/api/v1/customers/" + stranger).status()).isEqualTo(404);
    }

    @Test
    void aFileCutInTheMiddleOfItsLastLineAppliesEveryWholeLine() {
        String customerId = Customers.anyId("imp");
        LocalDate due = Customers.today().plusDays(20);
        String whole = ImportFiles.promise(customerId, "P-3", "300.00", due);
        String file = String.join("\n", ImportFiles.register(customerId),
                ImportFiles.promise(customerId, "P-1", "100.00", due),
                ImportFiles.promise(customerId, "P-2", "200.00", due),
                whole.substring(0, whole.length() / 2));

        JsonNode progress = ImportFiles.imported(api, file, PATIENCE);

        assertThat(progress.path("lines").asLong()).isEqualTo(4);
        assertThat(progress.path("applied").asLong()).isEqualTo(3);
        assertThat(progress.path("refused")).hasSize(1);
        assertThat(progress.path("refused").get(0).path("line").asLong()).isEqualTo(4);
        assertThat(progress.path("refused").get(0).path("code").asText()).isEqualTo("MALFORMED_JSON");
        JsonNode summary = api.as(Api.User.COLLECTOR).get("/api/v1/customers/" + customerId).json();
        assertThat(summary.path("promises").findValuesAsText("promiseId")).containsExactlyInAnyOrder("P-1", "P-2");
    }

    @Test
    void importsAreCollectorsWorkNotAuditors() {
        String customerId = Customers.anyId("imp");
        Api.Answer asAuditor = api.as(Api.User.AUDITOR).header("Content-Type", ImportFiles.NDJSON)
                .send("POST", "/api/v1/imports", java.net.http.HttpRequest.BodyPublishers.ofString(ImportFiles.register(customerId)));
        assertThat(asAuditor.status()).isEqualTo(403);
        assertThat(api.as(Api.User.COLLECTOR).get("/api/v1/customers/" + customerId).status()).isEqualTo(404);

        Api.Answer started = ImportFiles.post(api, ImportFiles.register(customerId));
        String importId = started.json().path("importId").asText();
        assertThat(started.header("Location")).isEqualTo("/api/v1/imports/" + importId);
        assertThat(api.as(Api.User.AUDITOR).get("/api/v1/imports/" + importId).status()).isEqualTo(403);
        assertThat(ImportFiles.ended(api, importId, PATIENCE).path("applied").asLong()).isEqualTo(1);
        assertThat(api.as(Api.User.ADMIN).get("/api/v1/imports/" + importId).status()).isEqualTo(200);
        assertThat(api.as(Api.User.AUDITOR).get("/api/v1/customers/" + customerId + "/history").json()
                .path("events").get(0).path("actor").asText()).isEqualTo(Api.User.COLLECTOR.name);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameImport() {
        String customerId = Customers.anyId("imp");
        String file = ImportFiles.register(customerId) + "\n";
        String key = Customers.anyId("key");

        Api.Answer first = ImportFiles.post(api, file, key);
        Api.Answer retry = ImportFiles.post(api, file, key);
        Api.Answer otherFile = ImportFiles.post(api, ImportFiles.register(Customers.anyId("imp")) + "\n", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("importId").asText()).isEqualTo(first.json().path("importId").asText());
        assertThat(otherFile.status()).isEqualTo(422);
        assertThat(otherFile.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ImportFiles.ended(api, first.json().path("importId").asText(), PATIENCE).path("applied").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownImportIsNotFound() {
        Api.Answer answer = api.as(Api.User.COLLECTOR).get("/api/v1/imports/0b6f2d2e-5c1a-4f4e-9a0e-3d7c2b1a9f10");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("IMPORT_NOT_FOUND");
    }

    private Map<String, Long> eventTypes(String customerId) {
        JsonNode events = api.as(Api.User.AUDITOR).get("/api/v1/customers/" + customerId + "/history").json().path("events");
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        return types.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String detailOf(JsonNode progress, long line) {
        for (JsonNode refused : progress.path("refused")) {
            if (refused.path("line").asLong() == line) {
                return refused.path("detail").asText();
            }
        }
        throw new AssertionError("Line " + line + " was not refused: " + progress);
    }
}
