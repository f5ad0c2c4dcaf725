package com.promises.api.console;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer page's further command forms over HTTP: an auditor's forged post to each is refused by the server
 * whatever it carries, and a collector's reaches the form (an empty one is refused beside its fields, as a form).
 */
@IntegrationTest
class ConsoleFormPathsTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** Each new form's path under the customer, the form's id in the page, and fields a collector could have sent. */
    static Stream<Arguments> forms() {
        String due = Customers.today().plusDays(9).toString();
        return Stream.of(
                Arguments.of("/installment-plans", "plan-form", Map.of("currency", "CNY", "channel", "VISIT",
                        "installments[0].dueDate", due, "installments[0].amount", "100.00")),
                Arguments.of("/renegotiations", "renegotiation-form", Map.of("promiseId", "P-1", "newDueDate", due,
                        "currency", "CNY")),
                Arguments.of("/disputes", "dispute-form", Map.of("promiseId", "P-1", "reason", "QUALITY_DISPUTE")),
                Arguments.of("/dispute-resolutions", "resolution-form", Map.of("promiseId", "P-1", "upheld", "true")),
                Arguments.of("/payment-reversals", "reversal-form", Map.of("paymentId", "PAY-1", "reason", "BOUNCED")),
                Arguments.of("/escalations", "escalation-form", Map.of("step", "LETTER")),
                Arguments.of("/our-commitments", "commitment-form", Map.of("kind", "CALL", "dueDate", due)),
                Arguments.of("/commitment-outcomes", "commitment-end-form", Map.of("commitmentId", "C-1", "outcome", "KEPT")),
                Arguments.of("/financial-situation", "situation-form", Map.of("situation", "FROZEN_ACCOUNTS")),
                Arguments.of("/follow-up-closures", "closure-form", Map.of("promiseId", "P-1", "note", "Called")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void anAuditorsForgedPostIsRefused(String path, String formId, Map<String, String> fields) throws Exception {
        String customerId = new Customers(new Api(port)).registered();
        EventStoreRows events = new EventStoreRows(jdbc);
        ConsoleSession auditor = ConsoleSession.signedIn(port, AUDITOR);
        HttpResponse<String> page = auditor.get("/console/customers/" + customerId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("the auditor's page shows no such form").doesNotContain("id=\"" + formId + "\"");

        Map<String, String> forged = new HashMap<>(fields);
        forged.put("_csrf", ConsoleSession.csrfOf(page));
        forged.put("idempotencyKey", UUID.randomUUID().toString());
        HttpResponse<String> answer = auditor.post("/console/customers/" + customerId + path, forged);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aCollectorsEmptyPostReachesTheFormAndIsRefusedBesideItsFields(String path, String formId, Map<String, String> fields)
            throws Exception {
        String customerId = new Customers(new Api(port)).registered();
        EventStoreRows events = new EventStoreRows(jdbc);
        ConsoleSession collector = ConsoleSession.signedIn(port, COLLECTOR);
        HttpResponse<String> page = collector.get("/console/customers/" + customerId);
        assertThat(page.body()).contains("id=\"" + formId + "\"");

        HttpResponse<String> answer = collector.post("/console/customers/" + customerId + path,
                Map.of("_csrf", ConsoleSession.csrfOf(page), "idempotencyKey", UUID.randomUUID().toString()));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"" + formId + "\"").contains("class=\"field-error\"");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");
    }
}
