package com.promises.api.web.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.client.ApiClient;
import com.promises.client.ApiException;
import com.promises.client.ApiResponse;
import com.promises.client.api.CustomersAndAuditApi;
import com.promises.client.api.CustomersApi;
import com.promises.client.api.PaymentsApi;
import com.promises.client.api.PromisesApi;
import com.promises.client.api.RemindersApi;
import com.promises.client.model.CustomerSummary;
import com.promises.client.model.History;
import com.promises.client.model.HistoryEvent;
import com.promises.client.model.MakePromiseRequest;
import com.promises.client.model.Page;
import com.promises.client.model.Problem;
import com.promises.client.model.PromiseLine;
import com.promises.client.model.RecordBrokenPromiseRequest;
import com.promises.client.model.RecordPaymentRequest;
import com.promises.client.model.RecordPaymentResponse;
import com.promises.client.model.RegisterCustomerRequest;
import com.promises.client.model.ReliabilityAsOf;
import com.promises.client.model.SendReminderRequest;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A collector's and an auditor's day through the Java client generated from the committed OpenAPI document
 * (target/generated-test-sources/openapi), as a front-end team would use its own generated client: what the
 * document says is what the service does. Answers are read strictly: a field the document does not name fails.
 */
@IntegrationTest
class GeneratedClientTest {

    @Value("${local.server.port}")
    int port;

    /** The NDJSON export as the service sent it (see {@link #client}). */
    private final ByteArrayOutputStream exported = new ByteArrayOutputStream();
    private final LocalDate today = Customers.today();

    @Test
    void aCollectorRegistersPromisesRemindsTakesMoneyAndRecordsABrokenPromise() throws ApiException {
        ApiClient collector = client(Api.User.COLLECTOR);
        CustomersApi customers = new CustomersApi(collector);
        PromisesApi promises = new PromisesApi(collector);
        String customerId = Customers.anyId("client");
        RegisterCustomerRequest registration = new RegisterCustomerRequest().name("Hotel Zhonghua").currency("CNY");

        ApiResponse<?> first = customers.registerCustomerWithHttpInfo(customerId, registration, null, null);
        ApiResponse<?> again = customers.registerCustomerWithHttpInfo(customerId, registration, null, null);
        String kept = promises.makePromise(customerId, promise("1000.00", today.plusDays(10)), null, null).getPromiseId();
        String broken = promises.makePromise(customerId, promise("250.00", today.plusDays(20)), null, "client-" + customerId)
                .getPromiseId();
        new RemindersApi(collector).sendReminder(customerId, kept,
                new SendReminderRequest().channel(SendReminderRequest.ChannelEnum.MESSAGE).note("1000.00 due soon"), null, null);
        RecordPaymentResponse payment = new PaymentsApi(collector).recordPayment(customerId,
                new RecordPaymentRequest().amount("400.00").currency("CNY").paidOn(today), null, null);
        promises.recordBrokenPromise(customerId, broken,
                new RecordBrokenPromiseRequest().reason(RecordBrokenPromiseRequest.ReasonEnum.REFUSES), null, null);
        CustomerSummary summary = new CustomersAndAuditApi(collector).getCustomerSummary(customerId, null);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(payment.getAllocations()).singleElement().satisfies(allocation -> {
            assertThat(allocation.getPromiseId()).isEqualTo(kept);
            assertThat(allocation.getAmount().getAmount()).isEqualTo("400.00");
        });
        assertThat(payment.getUnallocated().getAmount()).isEqualTo("0.00");
        assertThat(summary.getPromises()).extracting(PromiseLine::getPromiseId, PromiseLine::getState)
                .containsExactly(tuple(kept, PromiseLine.StateEnum.OPEN), tuple(broken, PromiseLine.StateEnum.BROKEN));
        assertThat(summary.getPromises().get(0).getPaid().getAmount()).isEqualTo("400.00");
        // one refusal, weight 2: 100 x 2 / 6 = 33.3
        assertThat(summary.getReliability().getScore()).isEqualByComparingTo("33.3");
        assertThat(summary.getReliability().getBroken()).isEqualTo(1);
        assertThat(summary.getOverdue().getNextDueDate()).isEqualTo(today.plusDays(10));
    }

    @Test
    void aManagerFindsTheCustomerOnTheWorklist() throws Exception {
        String customerId = aCustomerWithAPaymentAndABrokenPromise();
        CustomersAndAuditApi reads = new CustomersAndAuditApi(client(Api.User.AUDITOR));

        // the worklist is fed asynchronously: ask until the read model has the customer
        Page page = Await.value(customerId + " on the worklist", () -> worklist(reads),
                p -> p.getItems().stream().anyMatch(row -> row.getCustomerId().equals(customerId)));

        assertThat(page.getItems()).filteredOn(row -> row.getCustomerId().equals(customerId)).singleElement()
                .satisfies(row -> {
                    assertThat(row.getReliability().getBand().getValue()).isEqualTo("D");
                    assertThat(row.getReliability().getScore()).isEqualByComparingTo("33.3");
                    assertThat(row.getOverdue().getStatus().getValue()).isEqualTo("CURRENT");
                });
        assertThat(page.getSize()).isEqualTo(200);
    }

    @Test
    void anAuditorReadsTheHistoryTheScoreAsOfAnInstantAndTheExport() throws ApiException {
        String customerId = aCustomerWithAPaymentAndABrokenPromise();
        CustomersAndAuditApi audit = new CustomersAndAuditApi(client(Api.User.AUDITOR));

        History history = audit.getHistory(customerId, null);
        HistoryEvent promiseMade = history.getEvents().get(1);
        ReliabilityAsOf beforeTheBreak = audit.getReliabilityAsOf(customerId, promiseMade.getRecordedAt(), null, null);
        ReliabilityAsOf now = audit.getReliabilityAsOf(customerId, null, null, null);
        audit.exportHistory(customerId, null, null);

        assertThat(history.getEvents()).extracting(HistoryEvent::getType).containsExactly(
                "CustomerRegistered", "PromiseMade", "PromiseMade", "PaymentRecorded", "PromiseBroken");
        assertThat(history.getEvents()).extracting(HistoryEvent::getActor).containsOnly(Api.User.COLLECTOR.name);
        assertThat(promiseMade.getPayload()).containsEntry("customerId", customerId);
        assertThat(beforeTheBreak.getExplanation()).allSatisfy(row ->
                assertThat(row.getSequence()).isLessThanOrEqualTo(promiseMade.getSequence()));
        assertThat(beforeTheBreak.getReliability().getScore()).isEqualByComparingTo("50.0");
        assertThat(now.getExplanation()).hasSize(5);
        assertThat(now.getReliability().getScore()).isEqualByComparingTo("33.3");
        assertThat(now.getAsOf()).isNull();
        assertThat(exportedEvents()).isEqualTo(history.getEvents());
    }

    @Test
    void aProblemReachesTheClientAsAProblem() throws Exception {
        CustomersAndAuditApi reads = new CustomersAndAuditApi(client(Api.User.AUDITOR));

        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> reads.getCustomerSummary(Customers.anyId("nobody"), "client-probe-1"));

        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = strict().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(problem.getCorrelationId()).isEqualTo("client-probe-1");
    }

    private static Page worklist(CustomersAndAuditApi reads) {
        try {
            return reads.listWorklist(null, "D", null, "score", 0, 200, null);
        } catch (ApiException e) {
            throw new AssertionError(e);
        }
    }

    private String aCustomerWithAPaymentAndABrokenPromise() throws ApiException {
        ApiClient collector = client(Api.User.COLLECTOR);
        PromisesApi promises = new PromisesApi(collector);
        String customerId = Customers.anyId("client");
        new CustomersApi(collector).registerCustomer(customerId,
                new RegisterCustomerRequest().name("Hotel Zhonghua").currency("CNY"), null, null);
        promises.makePromise(customerId, promise("1000.00", today.plusDays(10)), null, null);
        String broken = promises.makePromise(customerId, promise("250.00", today.plusDays(20)), null, null).getPromiseId();
        new PaymentsApi(collector).recordPayment(customerId,
                new RecordPaymentRequest().amount("400.00").currency("CNY").paidOn(today), null, null);
        promises.recordBrokenPromise(customerId, broken,
                new RecordBrokenPromiseRequest().reason(RecordBrokenPromiseRequest.ReasonEnum.REFUSES), null, null);
        return customerId;
    }

    private static MakePromiseRequest promise(String amount, LocalDate dueDate) {
        return new MakePromiseRequest().amount(amount).currency("CNY").dueDate(dueDate)
                .channel(MakePromiseRequest.ChannelEnum.PHONE);
    }

    /**
     * Signed in with Basic, which the native library leaves to an interceptor. OpenAPI Generator 7.14's native
     * client reads a binary answer as JSON (OpenAPITools/openapi-generator#21345, fixed upstream later), so the
     * NDJSON export is taken from the response as it arrives; the client then finds an empty body.
     */
    private ApiClient client(Api.User user) {
        ApiClient client = new ApiClient()
                .setObjectMapper(strict())
                .setRequestInterceptor(request -> request.header("Authorization", user.basicAuthorization()))
                .setResponseInterceptor(response -> {
                    if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson")) {
                        try {
                            response.body().transferTo(exported);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
        client.updateBaseUri("http://localhost:" + port);
        return client;
    }

    /** The client's own mapper, but refusing fields the document does not name. */
    private static ObjectMapper strict() {
        return ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private List<HistoryEvent> exportedEvents() {
        List<HistoryEvent> events = new ArrayList<>();
        for (String line : exported.toString(StandardCharsets.UTF_8).split("\n")) {
            try {
                events.add(strict().readValue(line, HistoryEvent.class));
            } catch (IOException e) {
                throw new UncheckedIOException("Not a HistoryEvent: " + line, e);
            }
        }
        return events;
    }
}
