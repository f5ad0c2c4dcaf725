package com.promises.api.readmodels;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.projections.rebuild.Projections;
import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** A client that reads right after its command sees it, whether or not the read model has applied it yet. */
@IntegrationTest
class ReadYourWritesTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSummaryShowsTheCustomersNewestEventsBeforeTheReadModelHasAppliedThem() {
        Api api = new Api(port);
        Customers customers = new Customers(api);
        String customer = customers.registered();
        LocalDate today = Customers.today();
        String first = customers.promiseMade(customer, "1000.00", today.plusDays(10));
        ReadModels.awaitCaughtUp(projections);

        StreamingEventProcessor summaries = processing.eventProcessor("customer-summary", StreamingEventProcessor.class)
                .orElseThrow();
        summaries.shutDown();
        JsonNode whileStopped;
        String second;
        try {
            second = customers.promiseMade(customer, "500.00", today.plusDays(20));
            assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + customer + "/payments",
                    "{\"amount\": \"400\", \"currency\": \"CNY\", \"paidOn\": \"" + today + "\"}").status()).isEqualTo(201);

            whileStopped = api.as(AUDITOR).get("/api/v1/customers/" + customer).json();
            assertThat(jdbc.queryForList("select promise_id from customer_promise where customer_id = ?", String.class, customer))
                    .as("the stored read model, still without the new events").containsExactly(first);
        } finally {
            summaries.start();
        }
        assertThat(whileStopped.path("promises")).extracting(p -> p.path("promiseId").asText() + " paid "
                + p.path("paid").path("amount").asText() + " " + p.path("state").asText())
                .containsExactly(first + " paid 400.00 OPEN", second + " paid 0.00 OPEN");

        ReadModels.awaitCaughtUp(projections);
        assertThat(api.as(AUDITOR).get("/api/v1/customers/" + customer).json()).isEqualTo(whileStopped);
        assertThat(jdbc.queryForList("select promise_id from customer_promise where customer_id = ? order by made_order",
                String.class, customer)).containsExactly(first, second);
    }
}
