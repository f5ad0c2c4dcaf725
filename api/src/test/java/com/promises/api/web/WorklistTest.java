package com.promises.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' worklist over HTTP, on business day 15 June 2026: each filter, each sort and the paging, asserted on
 * every row returned (other tests' customers included), with one customer of each overdue status among them.
 */
@IntegrationTest
@TestPropertySource(properties = "promises.clock.fixed=2026-06-15T09:00:00Z")
class WorklistTest {

    @Value("${local.server.port}")
    int port;
    Api api;
    Customers customers;
    /** One customer of each overdue status, by status. */
    final Map<String, String> ours = new LinkedHashMap<>();

    @BeforeEach
    void oneCustomerOfEachStatus() {
        api = new Api(port);
        customers = new Customers(api);
        ours.put("OVERDUE", withPromise("2026-05-01", "2026-05-20", "900.00"));   // window closed 23 May, broken by the clock
        ours.put("IN_GRACE", withPromise("2026-06-01", "2026-06-13", "800.00"));  // window closes 16 June
        ours.put("DUE_SOON", withPromise("2026-06-01", "2026-06-17", "700.00"));
        ours.put("CURRENT", withPromise("2026-06-01", "2026-07-30", "600.00"));
        String disputed = withPromise("2026-06-01", "2026-07-30", "500.00");
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + disputed + "/promises/P-1/dispute",
                "{\"reason\": \"QUALITY_DISPUTE\"}").status()).isEqualTo(201);
        ours.put("DISPUTED", disputed);
        // The worklist reads the stored summaries: wait until the last change above is in them.
        Await.value("the disputed customer on the worklist", () -> all("status=DISPUTED&sort=score"),
                rows -> ids(rows).contains(disputed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CURRENT", "DUE_SOON", "IN_GRACE", "OVERDUE", "DISPUTED"})
    void theStatusFilterReturnsOnlyCustomersOfThatStatus(String status) {
        List<JsonNode> rows = all("status=" + status);

        assertThat(rows).isNotEmpty().allSatisfy(row ->
                assertThat(row.path("overdue").path("status").asText()).as(row.path("customerId").asText()).isEqualTo(status));
        for (Map.Entry<String, String> customer : ours.entrySet()) {
            assertThat(ids(rows).contains(customer.getValue())).as(customer.getKey()).isEqualTo(customer.getKey().equals(status));
        }
    }

    @Test
    void theDaysOverdueOfEachStatus() {
        assertThat(row("OVERDUE").path("overdue").path("daysOverdue").asLong()).isEqualTo(26);
        assertThat(row("OVERDUE").path("overdue").path("agingBucket").asText()).isEqualTo("1-30");
        assertThat(row("OVERDUE").path("overdue").path("overdueAmount").path("amount").asText()).isEqualTo("900.00");
        assertThat(row("IN_GRACE").path("overdue").path("daysOverdue").asLong()).isEqualTo(2);
        assertThat(row("DUE_SOON").path("overdue").path("daysOverdue").asLong()).isZero();
        assertThat(row("DUE_SOON").path("overdue").path("nextDueDate").asText()).isEqualTo("2026-06-17");
    }

    @Test
    void theBandFilterReturnsOnlyThatBand() {
        List<JsonNode> inD = all("band=D");
        List<JsonNode> inC = all("band=C");

        assertThat(inD).isNotEmpty().allSatisfy(row -> assertThat(band(row)).isEqualTo("D"));
        assertThat(inC).isNotEmpty().allSatisfy(row -> assertThat(band(row)).isEqualTo("C"));
        // broken by the clock: 100 x 2 / 5 = 40.0, band D; the others have nothing judged yet: 50.0, band C
        assertThat(ids(inD)).contains(ours.get("OVERDUE")).doesNotContain(ours.get("CURRENT"));
        assertThat(ids(inC)).contains(ours.get("CURRENT"), ours.get("IN_GRACE")).doesNotContain(ours.get("OVERDUE"));
    }

    @Test
    void byDaysOverdueTheLongestOverdueComeFirst() {
        List<JsonNode> rows = all("sort=daysOverdue");

        for (int i = 1; i < rows.size(); i++) {
            assertThat(days(rows.get(i - 1))).as("row " + i).isGreaterThanOrEqualTo(days(rows.get(i)));
        }
        assertThat(ids(rows).indexOf(ours.get("OVERDUE"))).isLessThan(ids(rows).indexOf(ours.get("IN_GRACE")));
        assertThat(ids(rows).indexOf(ours.get("IN_GRACE"))).isLessThan(ids(rows).indexOf(ours.get("DUE_SOON")));
        assertThat(ids(rows).indexOf(ours.get("DUE_SOON"))).isLessThan(ids(rows).indexOf(ours.get("CURRENT")));
    }

    @Test
    void byOverdueAmountTheLargestComeFirst() {
        List<JsonNode> rows = all("sort=overdueAmount");

        for (int i = 1; i < rows.size(); i++) {
            assertThat(amount(rows.get(i - 1))).as("row " + i).isGreaterThanOrEqualTo(amount(rows.get(i)));
        }
        assertThat(ids(rows).indexOf(ours.get("OVERDUE"))).isLessThan(ids(rows).indexOf(ours.get("CURRENT")));
    }

    @Test
    void byScoreTheLeastReliableComeFirst() {
        List<JsonNode> rows = all("sort=score");

        for (int i = 1; i < rows.size(); i++) {
            assertThat(score(rows.get(i - 1))).as("row " + i).isLessThanOrEqualTo(score(rows.get(i)));
        }
        assertThat(ids(rows).indexOf(ours.get("OVERDUE"))).isLessThan(ids(rows).indexOf(ours.get("CURRENT")));
    }

    @Test
    void filtersCombineAndEveryRowMatchesBoth() {
        List<JsonNode> rows = all("status=OVERDUE&band=D&sort=overdueAmount");

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.path("overdue").path("status").asText()).isEqualTo("OVERDUE");
            assertThat(band(row)).isEqualTo("D");
        });
        for (int i = 1; i < rows.size(); i++) {
            assertThat(amount(rows.get(i - 1))).isGreaterThanOrEqualTo(amount(rows.get(i)));
        }
    }

    @Test
    void pagesFollowOneAnotherWithoutGapOrOverlap() {
        for (String query : List.of("sort=daysOverdue", "sort=score", "status=CURRENT&sort=overdueAmount")) {
            List<String> whole = ids(all(query));
            JsonNode first = page(query, 0, 2);
            assertThat(first.path("total").asLong()).as(query).isEqualTo(whole.size());
            assertThat(first.path("size").asInt()).isEqualTo(2);

            List<String> paged = new ArrayList<>();
            for (int number = 0; number * 2 < whole.size(); number++) {
                JsonNode page = page(query, number, 2);
                assertThat(page.path("page").asInt()).isEqualTo(number);
                assertThat(page.path("items").size()).as(query + " page " + number).isEqualTo(Math.min(2, whole.size() - number * 2));
                page.path("items").forEach(row -> paged.add(row.path("customerId").asText()));
            }
            assertThat(paged).as(query).isEqualTo(whole);
            assertThat(page(query, whole.size() / 2 + 1, 2).path("items")).isEmpty();
        }
    }

    private String withPromise(String madeOn, String dueDate, String amount) {
        String customerId = customers.registered();
        var made = api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises", """
                {"promiseId": "P-1", "amount": "%s", "currency": "CNY", "madeOn": "%s", "dueDate": "%s", "channel": "PHONE"}
                """.formatted(amount, madeOn, dueDate));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return customerId;
    }

    private JsonNode row(String status) {
        return all("status=" + status).stream().filter(row -> row.path("customerId").asText().equals(ours.get(status)))
                .findFirst().orElseThrow();
    }

    private JsonNode page(String query, int page, int size) {
        var answer = api.as(AUDITOR).get("/api/v1/customers?" + query + "&page=" + page + "&size=" + size);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** Every row of the worklist for this query, page after page. */
    private List<JsonNode> all(String query) {
        List<JsonNode> rows = new ArrayList<>();
        for (int number = 0; ; number++) {
            JsonNode page = page(query, number, 200);
            page.path("items").forEach(rows::add);
            if (page.path("items").size() < 200) {
                return rows;
            }
        }
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.path("customerId").asText()).toList();
    }

    private static String band(JsonNode row) {
        return row.path("reliability").path("band").asText();
    }

    private static long days(JsonNode row) {
        return row.path("overdue").path("daysOverdue").asLong();
    }

    private static BigDecimal amount(JsonNode row) {
        return new BigDecimal(row.path("overdue").path("overdueAmount").path("amount").asText());
    }

    private static BigDecimal score(JsonNode row) {
        return row.path("reliability").path("score").decimalValue();
    }
}
