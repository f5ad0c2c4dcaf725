package com.promises.api.console;

import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector's judgement forms over HTTP, each recording its event through the same commands as the API: a
 * reversal, a renegotiation, an escalation step and the follow-up closed, our commitment and its end, the situation.
 */
@IntegrationTest
class ConsoleJudgementFormsTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachFormRecordsItsEventAndSeesTheCustomerPageAgain() throws Exception {
        Api api = new Api(port);
        EventStoreRows events = new EventStoreRows(jdbc);
        LocalDate today = Customers.today();
        String customerId = new Customers(api).registered();
        String paid = new Customers(api).promiseMade(customerId, "300.00", today.plusDays(4));
        String moved = new Customers(api).promiseMade(customerId, "400.00", today.plusDays(5));
        String broken = new Customers(api).promiseMade(customerId, "500.00", today.plusDays(6));
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/payments", """
                {"paymentId": "PAY-back", "amount": "300.00", "currency": "CNY", "paidOn": "%s", "promiseId": "%s"}
                """.formatted(today, paid)).status()).isEqualTo(201);
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/promises/" + broken + "/broken",
                "{\"reason\": \"CASH_FLOW\"}").status()).isEqualTo(201);
        ConsoleSession collector = ConsoleSession.signedIn(port, COLLECTOR);
        int before = events.of(customerId).size();

        send(collector, customerId, "/payment-reversals", Map.of("paymentId", "PAY-back", "reason", "BOUNCED",
                "note", "Cheque returned unpaid"));
        send(collector, customerId, "/renegotiations", Map.of("promiseId", moved, "newPromiseId", moved + "-2",
                "newDueDate", today.plusDays(30).toString(), "newAmount", "450.00", "currency", "CNY", "reason", "CASH_FLOW"));
        send(collector, customerId, "/escalations", Map.of("step", "VISIT", "promiseId", broken, "documentReference", "DOC-7"));
        send(collector, customerId, "/follow-up-closures", Map.of("promiseId", broken, "note", "Visited; they pay Friday"));
        send(collector, customerId, "/our-commitments", Map.of("commitmentId", "C-1", "kind", "DELIVERY",
                "dueDate", today.plusDays(2).toString()));
        send(collector, customerId, "/commitment-outcomes", Map.of("commitmentId", "C-1", "outcome", "CANCELLED_IN_ADVANCE",
                "note", "Truck broke down; called ahead"));
        send(collector, customerId, "/financial-situation", Map.of("situation", "TEMPORARY_SHORTAGE"));

        List<EventStoreRows.Row> recorded = events.of(customerId);
        List<String> types = recorded.subList(before, recorded.size()).stream().map(EventStoreRows.Row::type).toList();
        assertThat(types).contains("PaymentReversed", "PromiseRenegotiated", "EscalationStepRecorded", "FollowUpClosed",
                "OurCommitmentMade", "OurCommitmentOutcomeRecorded", "FinancialSituationRecorded");
        EventStoreRows.Row renegotiated = recorded.stream().filter(row -> row.type().equals("PromiseRenegotiated"))
                .findFirst().orElseThrow();
        assertThat(renegotiated.payload().toString()).contains(moved + "-2").contains("450.00");
        assertThat(recorded.stream().filter(row -> row.type().equals("EscalationStepRecorded")).findFirst().orElseThrow()
                .payload().path("documentReference").asText()).isEqualTo("DOC-7");
        // The summary reads the read model, which applies events a moment after they are stored.
        Await.until("the customer page shows the situation", () -> pageOf(collector, customerId)
                .contains("id=\"situation\">temporary cash shortage<"));
        // The payments, read from the history: the reversed one is marked and no longer offered to the reversal form.
        String activity = collector.get("/console/customers/" + customerId + "/activity").body();
        assertThat(activity).containsPattern("<td>PAY-back</td>(?s:.)*?<td class=\"state\">reversed</td>")
                .doesNotContain("<option value=\"PAY-back\">").doesNotContain("<option value=\"C-1\">");
    }

    private static String pageOf(ConsoleSession session, String customerId) {
        try {
            return session.get("/console/customers/" + customerId).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form as the page would (its CSRF token, a fresh key) and expects the customer's page again (303). */
    private static void send(ConsoleSession session, String customerId, String path, Map<String, String> fields)
            throws Exception {
        HttpResponse<String> page = session.get("/console/customers/" + customerId);
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", ConsoleSession.csrfOf(page));
        form.put("idempotencyKey", UUID.randomUUID().toString());

        HttpResponse<String> answer = session.post("/console/customers/" + customerId + path, form);

        assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to ->
                assertThat(to).endsWith("/console/customers/" + customerId));
    }
}
