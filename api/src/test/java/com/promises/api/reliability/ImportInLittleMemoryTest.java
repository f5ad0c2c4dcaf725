package com.promises.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import file far larger than the body limit (1 MB) and than the service's whole heap (128 MB) is taken in and
 * applied: nothing holds the file, or more than a line of it, in memory. The service runs with
 * -XX:+ExitOnOutOfMemoryError, so a buffered body would end it. The file is made as it is sent (chunked, no
 * Content-Length), so the test holds no copy either: commands with 2,000-character notes, and between them blank lines
 * of 60 KB (skipped by the import, but read, as a spreadsheet's export padded with spaces would be).
 */
class ImportInLittleMemoryTest {

    private static final int CUSTOMERS = 200;
    private static final int PADDING_LINES = 18;
    private static final int PADDING_BYTES = 60 * 1024;

    @Test
    void aFileLargerThanTheHeapIsStreamedAndApplied() {
        String run = Customers.anyId("big");
        long[] sent = {0};
        try (ServiceProcess service = ServiceProcess.of("import-little-memory", TestDatabase.freshDatabase()).maxHeap("128m")) {
            Api api = service.start().awaitReady().api();

            Api.Answer started = api.as(Api.User.COLLECTOR).header("Content-Type", "application/x-ndjson")
                    .send("POST", "/api/v1/imports", HttpRequest.BodyPublishers.ofInputStream(() -> file(run, sent)));

            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(sent[0]).as("bytes sent").isGreaterThan(200L * 1024 * 1024);
            String importId = started.json().path("importId").asText();
            JsonNode[] progress = new JsonNode[1];
            Await.until("the import ends", Duration.ofMinutes(5), () -> {
                progress[0] = api.as(Api.User.COLLECTOR).get("/api/v1/imports/" + importId).json();
                return !"RUNNING".equals(progress[0].path("status").asText());
            }, () -> progress[0]);
            assertThat(progress[0].path("status").asText()).isEqualTo("DONE");
            assertThat(progress[0].path("lines").asLong()).isEqualTo(2L * CUSTOMERS);
            assertThat(progress[0].path("applied").asLong()).as(progress[0].toString()).isEqualTo(2L * CUSTOMERS);
            JsonNode last = api.as(Api.User.COLLECTOR).get("/api/v1/customers/" + run + "-" + (CUSTOMERS - 1)).json();
            assertThat(last.path("promises").findValuesAsText("promiseId")).containsExactly("P-1");
            assertThat(service.isAlive()).isTrue();
        }
    }

    /** Each customer's two lines, each followed by blank padding; counts the bytes it hands out. */
    private static InputStream file(String run, long[] sent) {
        LocalDate due = Customers.today().plusDays(30);
        String note = "n".repeat(2000);
        byte[] padding = (" ".repeat(PADDING_BYTES) + "\n").getBytes(StandardCharsets.US_ASCII);
        Iterator<InputStream> parts = new Iterator<>() {
            private int customer;
            private int step;

            @Override
            public boolean hasNext() {
                return customer < CUSTOMERS;
            }

            @Override
            public InputStream next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String customerId = run + "-" + customer;
                byte[] part = switch (step) {
                    case 0 -> line("""
                            {"command": "RegisterCustomer", "customerId": "%s", "name": "Hotel %s", "currency": "CNY"}"""
                            .formatted(customerId, customer));
                    case 1 -> line("""
                            {"command": "MakePromise", "customerId": "%s", "promiseId": "P-1", "amount": "100.00", "currency": "CNY", "dueDate": "%s", "channel": "PHONE", "note": "%s"}"""
                            .formatted(customerId, due, note));
                    default -> padding;
                };
                step++;
                if (step == 2 + PADDING_LINES) {
                    step = 0;
                    customer++;
                }
                sent[0] += part.length;
                return new ByteArrayInputStream(part);
            }
        };
        return new SequenceInputStream(enumeration(parts));
    }

    private static Enumeration<InputStream> enumeration(Iterator<InputStream> parts) {
        return new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return parts.next();
            }
        };
    }

    private static byte[] line(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
