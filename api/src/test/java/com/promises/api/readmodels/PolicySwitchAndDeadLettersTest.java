package com.promises.api.readmodels;

import com.promises.PromisesApplication;
import com.promises.core.account.CustomerRegistered;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.money.Money;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseMade;
import com.promises.core.scoring.ScoringPolicySwitched;
import com.promises.projections.rebuild.Projections;
import com.promises.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolicySwitchAndDeadLettersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void switchingThePolicyVersionAndRebuildingRescoresEveryoneAndLeavesTheHistoryAlone() {
        Map<String, Object> database = TestDatabase.freshDatabase();
        List<String> customers;
        Map<String, Object> v1Scores;
        String history;
        try (ConfigurableApplicationContext v1 = start(database, "v1")) {
            customers = Workload.run(v1.getBean(CommandGateway.class), "switch", 40, 600, 7L, TODAY);
            ReadModels.awaitCaughtUp(v1.getBean(Projections.class));
            JdbcTemplate jdbc = v1.getBean(JdbcTemplate.class);
            v1Scores = scores(jdbc);
            history = historyHash(jdbc);
            assertThat(jdbc.queryForList("select distinct policy_version from customer_summary", String.class))
                    .containsExactly("v1");
        }
        try (ConfigurableApplicationContext v2 = start(database, "v2")) {
            Projections projections = v2.getBean(Projections.class);
            projections.rebuild();
            ReadModels.awaitRebuilt(projections);
            JdbcTemplate jdbc = v2.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select distinct policy_version from customer_summary", String.class))
                    .containsExactly("v2");
            Map<String, Object> v2Scores = scores(jdbc);
            assertThat(v2Scores.keySet()).containsExactlyInAnyOrderElementsOf(customers);
            long changed = customers.stream().filter(c -> !v1Scores.get(c).equals(v2Scores.get(c))).count();
            assertThat(changed).as("customers whose score moved under v2").isGreaterThan(5);
            assertThat(historyHash(jdbc)).isEqualTo(history);
            // the switch itself is a fact of the service's own stream, beside the customers' (issue 22)
            assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8') from domainevententry where aggregateidentifier = ? "
                    + "order by sequencenumber", String.class, ScoringPolicySwitched.STREAM))
                    .hasSize(2).last().asString().contains("\"from\":\"v1\",\"to\":\"v2\"");
        }
    }

    @Test
    void anEventAHandlerFailsOnWaitsInTheDeadLetterQueueAndOtherCustomersGoOn() {
        try (ConfigurableApplicationContext service = start(TestDatabase.freshDatabase(), "v1")) {
            CommandGateway gateway = service.getBean(CommandGateway.class);
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            Projections projections = service.getBean(Projections.class);
            // A promise for a customer the read model never saw registered: the summary handler cannot apply it.
            service.getBean(TransactionManager.class).executeInTransaction(() -> service.getBean(EventStore.class).publish(
                    new GenericDomainEventMessage<>("CustomerAccount", "orphan", 0, new PromiseMade("orphan", "P-1",
                            Money.of("10", "CNY"), TODAY, TODAY, 3, TODAY.plusDays(3),
                            Channel.PHONE, false, null, null, null, null, 1, Money.zero("CNY"),
                            List.of(), Instant.parse("2026-06-15T09:00:00Z")))));
            gateway.sendAndWait(new RegisterCustomer("healthy", "Healthy Ltd", "CNY"));
            gateway.sendAndWait(new MakePromise("healthy", "P-1", Money.of("500", "CNY"),
                    TODAY.plusDays(5), null, Channel.PHONE, false, null, null));
            ReadModels.awaitCaughtUp(projections);

            assertThat(jdbc.queryForObject("select count(*) from customer_promise where customer_id = 'healthy'", Long.class))
                    .isEqualTo(1L);
            assertThat(jdbc.queryForObject("select count(*) from customer_summary where customer_id = 'orphan'", Long.class))
                    .isZero();
            assertThat(jdbc.queryForList("select sequenceidentifier from deadletterentry where processinggroup = 'customer-summary'",
                    String.class)).hasSize(1);
            assertThat(jdbc.queryForObject("select causemessage from deadletterentry", String.class))
                    .contains("orphan is not in the read model");
            assertThat(projections.status().processors()).anySatisfy(p -> {
                assertThat(p.name()).isEqualTo("customer-summary");
                assertThat(p.deadLetters()).isEqualTo(1L);
            });

            // the bulk replay of a rebuild goes through the same dead-letter queue
            projections.rebuild();
            ReadModels.awaitRebuilt(projections);
            assertThat(projections.status().rebuild().replayBy()).isEqualTo("bulk");
            assertThat(jdbc.queryForObject("select count(*) from customer_promise where customer_id = 'healthy'", Long.class))
                    .isEqualTo(1L);
            assertThat(jdbc.queryForList("select sequenceidentifier from deadletterentry where processinggroup = 'customer-summary'",
                    String.class)).containsExactly("orphan");
        }
    }

    @Test
    void aRebuildTheServiceStoppedInTheMiddleOfIsDoneAgainBeforeTheProcessorsStart() {
        Map<String, Object> database = TestDatabase.freshDatabase();
        String complete;
        try (ConfigurableApplicationContext before = start(database, "v1")) {
            Workload.run(before.getBean(CommandGateway.class), "stopped", 20, 200, 11L, TODAY);
            ReadModels.awaitCaughtUp(before.getBean(Projections.class));
            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            complete = ReadModels.hash(jdbc);
            // what a bulk replay leaves when the service stops midway: its marker, and tables holding part of it
            jdbc.update("insert into read_model_rebuild (started_at) values (now())");
            jdbc.update("update customer_summary set kept = kept + 1, last_sequence = 0");
            jdbc.update("delete from customer_promise where made_order > 1");
        }
        try (ConfigurableApplicationContext after = start(database, "v1")) {
            ReadModels.awaitCaughtUp(after.getBean(Projections.class));
            JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);
            assertThat(ReadModels.hash(jdbc)).isEqualTo(complete);
            assertThat(jdbc.queryForObject("select count(*) from read_model_rebuild", Long.class)).isZero();
        }
    }

    @Test
    void anEventThatFailsHalfwayLeavesNoTraceWhileTheCustomersEarlierEventsInTheSameBatchAreKept() {
        try (ConfigurableApplicationContext service = start(TestDatabase.freshDatabase(), "v1")) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            Projections projections = service.getBean(Projections.class);
            Instant at = Instant.parse("2026-06-15T09:00:00Z");
            // One transaction, so the processor most likely sees all of it in one batch. The payment's first
            // allocation applies, its second names a promise the read model does not know.
            service.getBean(TransactionManager.class).executeInTransaction(() -> service.getBean(EventStore.class).publish(
                    event("halfway", 0, new CustomerRegistered("halfway", "Halfway Ltd", "CNY", at)),
                    event("halfway", 1, new PromiseMade("halfway", "P-1", Money.of("300", "CNY"), TODAY, TODAY.plusDays(10), 3,
                            TODAY.plusDays(13), Channel.PHONE, false, null, null, null, null, 1, Money.zero("CNY"), List.of(), at)),
                    event("bystander", 0, new CustomerRegistered("bystander", "Bystander Ltd", "CNY", at)),
                    event("halfway", 2, new PaymentRecorded("halfway", "PAY-1", Money.of("150", "CNY"), TODAY, null,
                            List.of(new Allocation("P-1", Money.of("100", "CNY")), new Allocation("P-404", Money.of("50", "CNY"))),
                            Money.zero("CNY"), Money.zero("CNY"), at)),
                    event("bystander", 1, new PromiseMade("bystander", "P-1", Money.of("80", "CNY"), TODAY, TODAY.plusDays(2), 3,
                            TODAY.plusDays(5), Channel.PHONE, false, null, null, null, null, 1, Money.zero("CNY"), List.of(), at))));
            ReadModels.awaitCaughtUp(projections);

            assertThat(jdbc.queryForMap("select paid, owed from customer_promise where customer_id = 'halfway' and promise_id = 'P-1'"))
                    .as("the failed payment's first allocation is not kept").containsEntry("owed", true)
                    .satisfies(row -> assertThat((BigDecimal) row.get("paid")).isEqualByComparingTo("0"));
            assertThat(jdbc.queryForObject("select last_sequence from customer_summary where customer_id = 'halfway'", Long.class))
                    .isEqualTo(1L);
            assertThat(jdbc.queryForObject("select open_promises from customer_summary where customer_id = 'bystander'", Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForList("select sequenceidentifier from deadletterentry where processinggroup = 'customer-summary'",
                    String.class)).containsExactly("halfway");
            assertThat(jdbc.queryForObject("select causemessage from deadletterentry", String.class)).contains("P-404");
        }
    }

    private static GenericDomainEventMessage<?> event(String customerId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("CustomerAccount", customerId, sequence, payload);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> database, String policy) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("promises.scoring.policy-version", policy);
        properties.put("promises.clock.fixed", "2026-06-15T09:00:00Z");
        properties.put("promises.security.users", "collector:{noop}pw:COLLECTOR");
        return new SpringApplicationBuilder(PromisesApplication.class)
                .web(WebApplicationType.NONE)
                .run(TestDatabase.asArguments(properties));
    }

    private static Map<String, Object> scores(JdbcTemplate jdbc) {
        Map<String, Object> scores = new HashMap<>();
        jdbc.query("select customer_id, score from customer_summary", rs -> {
            scores.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros());
        });
        return scores;
    }

    /** Every customer's history; the service's own stream records the policy switches. */
    private static String historyHash(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) || ':' || md5(string_agg(eventidentifier || encode(payload, 'hex'), ',' "
                + "order by globalindex)) from domainevententry where aggregateidentifier <> ?", String.class,
                ScoringPolicySwitched.STREAM);
    }
}
