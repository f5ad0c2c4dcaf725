package com.promises.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static com.promises.testing.Customers.anyId;
import static com.promises.testing.Customers.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector's judgement over real HTTP (API.md "Additions"): each endpoint's answer, the refusals API.md gives it
 * as problem+json that store nothing, and what the summary and the worklist show after it.
 */
@IntegrationTest
class JudgementEndpointsTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Customers customers;
    EventStoreRows events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        customers = new Customers(api);
        events = new EventStoreRows(jdbc);
    }

    @Test
    void aBreakTheClockJudgedIsExplainedAndTheSummaryShowsTheLatestReasonAndFaith() {
        String customerId = customers.registered();
        String promiseId = brokenByTheClock(customerId, "1000.00");

        var explained = post(customerId, "/promises/" + promiseId + "/explanation",
                "{\"reason\": \"CASH_FLOW\", \"faith\": \"BAD\", \"note\": \"bought a new car the same week\"}");
        var again = post(customerId, "/promises/" + promiseId + "/explanation", "{\"reason\": \"REFUSES\"}");

        assertThat(explained.status()).as(explained.toString()).isEqualTo(201);
        assertThat(explained.json().path("promiseId").asText()).isEqualTo(promiseId);
        assertThat(explained.json().path("reason").asText()).isEqualTo("CASH_FLOW");
        assertThat(explained.json().path("faith").asText()).isEqualTo("BAD");
        assertThat(again.json().path("faith").asText()).isEqualTo("BAD");
        JsonNode line = summary(customerId).path("promises").get(0);
        assertThat(line.path("state").asText()).isEqualTo("BROKEN");
        assertThat(line.path("reason").asText()).isEqualTo("REFUSES");
        assertThat(line.path("faith").asText()).isEqualTo("BAD");
        assertThat(line.path("excused").asBoolean()).isFalse();
        assertThat(summary(customerId).path("reliability").path("score").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "PromiseBroken",
                "OutcomeExplained", "OutcomeExplained");
    }

    @Test
    void explainingAnOpenPromiseIs409AnOverriddenFaithWithoutANoteIs422AndAnUnknownReasonIs400() {
        String customerId = customers.registered();
        String open = customers.promiseMade(customerId, "1000.00", today().plusDays(10));
        String broken = brokenByTheClock(customerId, "500.00");

        var ofAnOpenPromise = post(customerId, "/promises/" + open + "/explanation", "{\"reason\": \"CASH_FLOW\"}");
        var withoutANote = post(customerId, "/promises/" + broken + "/explanation", "{\"reason\": \"CASH_FLOW\", \"faith\": \"BAD\"}");
        var unknownReason = post(customerId, "/promises/" + broken + "/explanation", "{\"reason\": \"ALIENS\"}");

        assertThat(ofAnOpenPromise.status()).isEqualTo(409);
        assertThat(ofAnOpenPromise.code()).isEqualTo("PROMISE_NOT_BROKEN");
        assertThat(ofAnOpenPromise.contentType()).isEqualTo("application/problem+json");
        assertThat(withoutANote.status()).isEqualTo(422);
        assertThat(withoutANote.code()).isEqualTo("INVALID_FAITH");
        assertThat(withoutANote.json().path("errors").get(0).path("field").asText()).isEqualTo("faith");
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(events.typesOf(customerId)).doesNotContain("OutcomeExplained");
    }

    @Test
    void aReversalAnswersThePromisesJudgedAgainAndReversingTwiceOrAnUnknownPaymentIsRefused() {
        String customerId = customers.registered();
        String promiseId = brokenByTheClock(customerId, "1000.00");
        var backdated = post(customerId, "/payments", """
                {"paymentId": "PAY-1", "amount": "1000.00", "currency": "CNY", "paidOn": "%s"}""".formatted(today().minusDays(9)));
        assertThat(backdated.status()).as(backdated.toString()).isEqualTo(201);
        assertThat(summary(customerId).path("promises").get(0).path("state").asText()).isEqualTo("KEPT");

        var reversed = post(customerId, "/payments/PAY-1/reversal", "{\"reason\": \"BOUNCED\", \"note\": \"cheque returned\"}");
        var twice = post(customerId, "/payments/PAY-1/reversal", "{\"reason\": \"BOUNCED\"}");
        var unknown = post(customerId, "/payments/" + anyId("PAY") + "/reversal", "{\"reason\": \"CHARGEBACK\"}");
        var noReason = post(customerId, "/payments/PAY-1/reversal", "{\"note\": \"why not\"}");

        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(201);
        assertThat(reversed.json().path("paymentId").asText()).isEqualTo("PAY-1");
        assertThat(reversed.json().path("rejudged")).hasSize(1);
        assertThat(reversed.json().path("rejudged").get(0).path("promiseId").asText()).isEqualTo(promiseId);
        assertThat(reversed.json().path("rejudged").get(0).path("state").asText()).isEqualTo("BROKEN");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("PAYMENT_ALREADY_REVERSED");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(noReason.status()).isEqualTo(400);
        JsonNode line = summary(customerId).path("promises").get(0);
        assertThat(line.path("state").asText()).isEqualTo("BROKEN");
        assertThat(line.path("paid").path("amount").asText()).isEqualTo("0.00");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "PromiseBroken",
                "PaymentRecorded", "PromiseRejudged", "PaymentReversed", "PromiseRejudged");
    }

    @Test
    void ourCommitmentsAreRecordedAnsweredAndShownAndAMissExcusesAPromiseItCovers() {
        String customerId = customers.registered();
        String kept = customers.promiseMade(customerId, "300.00", today().plusDays(5));
        assertThat(post(customerId, "/payments", """
                {"amount": "300.00", "currency": "CNY", "paidOn": "%s"}""".formatted(today())).status()).isEqualTo(201);

        var made = post(customerId, "/our-commitments", """
                {"commitmentId": "C-1", "kind": "VISIT", "dueDate": "%s", "note": "collect the cheque"}""".formatted(today()));
        var later = post(customerId, "/our-commitments", """
                {"kind": "CALL", "dueDate": "%s"}""".formatted(today().plusDays(3)));
        var clash = post(customerId, "/our-commitments", """
                {"commitmentId": "C-1", "kind": "CALL", "dueDate": "%s"}""".formatted(today()));
        var inThePast = post(customerId, "/our-commitments", """
                {"kind": "CALL", "dueDate": "%s"}""".formatted(today().minusDays(1)));
        var missed = post(customerId, "/our-commitments/C-1/outcome", "{\"outcome\": \"MISSED\", \"note\": \"forgot the visit\"}");
        var answeredAgain = post(customerId, "/our-commitments/C-1/outcome", "{\"outcome\": \"KEPT\"}");
        var unknown = post(customerId, "/our-commitments/" + anyId("C") + "/outcome", "{\"outcome\": \"KEPT\"}");
        var badOutcome = post(customerId, "/our-commitments/C-1/outcome", "{\"outcome\": \"FORGOTTEN\"}");

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().path("commitmentId").asText()).isEqualTo("C-1");
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.json().path("commitmentId").asText()).matches("[A-Za-z0-9._:-]{1,64}");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.code()).isEqualTo("DUPLICATE_COMMITMENT_ID");
        assertThat(inThePast.status()).isEqualTo(422);
        assertThat(inThePast.code()).isEqualTo("INVALID_DATE");
        assertThat(missed.status()).as(missed.toString()).isEqualTo(201);
        assertThat(missed.json().path("outcome").asText()).isEqualTo("MISSED");
        assertThat(answeredAgain.status()).isEqualTo(409);
        assertThat(answeredAgain.code()).isEqualTo("COMMITMENT_ALREADY_ANSWERED");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("COMMITMENT_NOT_FOUND");
        assertThat(badOutcome.status()).isEqualTo(400);
        JsonNode summary = summary(customerId);
        assertThat(summary.path("ourCommitments").path("open").asInt()).isEqualTo(1);
        assertThat(summary.path("ourCommitments").path("missed").asInt()).isEqualTo(1);
        assertThat(summary.path("promises").get(0).path("promiseId").asText()).isEqualTo(kept);
        assertThat(summary.path("promises").get(0).path("excused").asBoolean()).isTrue();
        assertThat(summary.path("reliability").path("score").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "PaymentRecorded",
                "PromiseKept", "OurCommitmentMade", "OurCommitmentMade", "OurCommitmentOutcomeRecorded", "PromiseExcused");
    }

    @Test
    void theFinancialSituationShowsAsRiskAndTheWorklistFiltersByCreditHold() {
        String held = customers.registered();
        String free = customers.registered();

        var frozen = post(held, "/financial-situation", "{\"situation\": \"FROZEN_ACCOUNTS\", \"note\": \"bank froze them\"}");
        var income = post(free, "/financial-situation", "{\"situation\": \"FIXED_MONTHLY_INCOME\"}");
        var outsideTheList = post(free, "/financial-situation", "{\"situation\": \"BANKRUPT\"}");
        var none = post(free, "/financial-situation", "{\"note\": \"no idea\"}");

        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(201);
        assertThat(frozen.json().path("creditHold").asBoolean()).isTrue();
        assertThat(frozen.json().path("advice").asText()).isEqualTo("NO_GOODS_ON_CREDIT");
        assertThat(income.json().path("advice").asText()).isEqualTo("INSTALLMENT_PLAN");
        assertThat(outsideTheList.status()).isEqualTo(400);
        assertThat(outsideTheList.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(outsideTheList.json().path("errors").get(0).path("field").asText()).isEqualTo("situation");
        assertThat(none.status()).isEqualTo(400);
        JsonNode risk = summary(held).path("risk");
        assertThat(risk.path("situation").asText()).isEqualTo("FROZEN_ACCOUNTS");
        assertThat(risk.path("since").asText()).isEqualTo(today().toString());
        assertThat(risk.path("creditHold").asBoolean()).isTrue();
        assertThat(risk.path("advice").asText()).isEqualTo("NO_GOODS_ON_CREDIT");
        assertThat(summary(free).path("risk").path("creditHold").asBoolean()).isFalse();
        List<String> onHold = awaitWorklist("true", held);
        assertThat(onHold).contains(held).doesNotContain(free);
        JsonNode notOnHold = api.as(AUDITOR).get("/api/v1/customers?size=200&creditHold=false").json().path("items");
        assertThat(notOnHold.findValuesAsText("customerId")).doesNotContain(held);
        notOnHold.forEach(row -> assertThat(row.path("risk").path("creditHold").asBoolean()).isFalse());
        assertThat(api.as(AUDITOR).get("/api/v1/customers?creditHold=maybe").status()).isEqualTo(400);
        assertThat(events.typesOf(free)).containsExactly("CustomerRegistered", "FinancialSituationRecorded");
    }

    @Test
    void anEscalationStepAboutABrokenPromiseOrTheWholeDebtIs201AndAboutAnOpenPromise409() {
        String customerId = customers.registered();
        String broken = brokenByTheClock(customerId, "800.00");
        String open = customers.promiseMade(customerId, "100.00", today().plusDays(10));

        var plan = post(customerId, "/escalations", """
                {"step": "WRITTEN_PLAN", "promiseId": "%s", "note": "sealed by their director", "documentReference": "DOC-7"}
                """.formatted(broken));
        var letter = post(customerId, "/escalations", "{\"step\": \"LETTER\"}");
        var aboutAnOpenPromise = post(customerId, "/escalations", "{\"step\": \"PHONE\", \"promiseId\": \"" + open + "\"}");
        var unknownStep = post(customerId, "/escalations", "{\"step\": \"THREATS\"}");

        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        assertThat(plan.json().path("step").asText()).isEqualTo("WRITTEN_PLAN");
        assertThat(plan.json().path("promiseId").asText()).isEqualTo(broken);
        assertThat(letter.status()).isEqualTo(201);
        assertThat(aboutAnOpenPromise.status()).isEqualTo(409);
        assertThat(aboutAnOpenPromise.code()).isEqualTo("PROMISE_NOT_BROKEN");
        assertThat(unknownStep.status()).isEqualTo(400);
        List<EventStoreRows.Row> steps = events.of(customerId).stream().filter(row -> row.type().equals("EscalationStepRecorded"))
                .toList();
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).payload().path("documentReference").asText()).isEqualTo("DOC-7");
    }

    @Test
    void aLargeFirstPromiseDueInTwoDaysFromACustomerWhoHasPaidNothingIsFlagged() {
        String customerId = customers.registered();

        var answer = post(customerId, "/promises", """
                {"amount": "60000.00", "currency": "CNY", "dueDate": "%s", "channel": "VISIT", "inWriting": true}
                """.formatted(today().plusDays(2)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("warnings").findValuesAsText("code")).containsExactly("LARGE_SUM_SOON_NO_HISTORY");
    }

    /** A promise made ten days after its due date: its window has closed, so the service judges it broken at once. */
    private String brokenByTheClock(String customerId, String amount) {
        String promiseId = anyId("prom");
        var made = post(customerId, "/promises", """
                {"promiseId": "%s", "amount": "%s", "currency": "CNY", "madeOn": "%s", "dueDate": "%s", "channel": "PHONE"}
                """.formatted(promiseId, amount, today().minusDays(20), today().minusDays(10)));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return promiseId;
    }

    private Api.Answer post(String customerId, String path, String body) {
        return api.as(COLLECTOR).post("/api/v1/customers/" + customerId + path, body);
    }

    private JsonNode summary(String customerId) {
        var answer = api.as(AUDITOR).get("/api/v1/customers/" + customerId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** The worklist is fed asynchronously: ask again until the customer shows up in it. */
    private List<String> awaitWorklist(String creditHold, String customerId) {
        return Await.value(customerId + " on the worklist", () -> api.as(AUDITOR)
                .get("/api/v1/customers?size=200&creditHold=" + creditHold).json().path("items")
                .findValuesAsText("customerId"), ids -> ids.contains(customerId));
    }

}
