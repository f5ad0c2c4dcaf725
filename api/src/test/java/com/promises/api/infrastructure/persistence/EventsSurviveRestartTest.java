package com.promises.api.infrastructure.persistence;

import com.promises.PromisesApplication;
import com.promises.projections.batch.ReadModelTransactions;
import com.promises.core.account.CustomerRegistered;
import com.promises.testing.TestDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Events appended through Axon are read back from the database by a new application context. */
class EventsSurviveRestartTest {

    @Test
    void eventsAppendedBeforeARestartAreReadBackAfterIt() {
        Map<String, Object> database = TestDatabase.freshDatabase();
        var registered = new CustomerRegistered("restart-1", "Hotel Zhonghua", "CNY", Instant.parse("2026-03-01T08:00:00Z"));

        try (ConfigurableApplicationContext first = start(database)) {
            first.getBean(TransactionManager.class).executeInTransaction(() ->
                    first.getBean(EventStore.class).publish(
                            new GenericDomainEventMessage<>("CustomerAccount", "restart-1", 0, registered)));
        }

        try (ConfigurableApplicationContext second = start(database)) {
            List<? extends DomainEventMessage<?>> events =
                    second.getBean(EventStore.class).readEvents("restart-1").asStream().toList();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getPayload()).isEqualTo(registered);
            assertThat(events.get(0).getSequenceNumber()).isZero();
        }
    }

    @Test
    void theEmbeddedDatabaseWaitsForTheDiskBeforeACommandIsAnsweredButReadModelsDoNot() throws Exception {
        Path directory = Files.createTempDirectory("promises-durability-");
        try (ConfigurableApplicationContext service = start(Map.of("promises.data-dir", directory.toString()))) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(service.getBean(EventProcessingConfiguration.class).interceptorsFor("customer-summary"))
                    .anyMatch(ReadModelTransactions.ReadModelTransaction.class::isInstance);
            // Inside a read-model batch (its writes and its token in one transaction) the commit does not wait,
            // and no statement is planned as a scan of a whole table; cached plans are kept.
            var interceptor = new ReadModelTransactions.ReadModelTransaction(jdbc);
            String insideBatch = service.getBean(TransactionTemplate.class).execute(status -> {
                var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
                try {
                    return (String) interceptor.handle(unitOfWork,
                            () -> jdbc.queryForObject("select current_setting('synchronous_commit') || ' '"
                                    + " || current_setting('plan_cache_mode') || ' ' || current_setting('enable_seqscan')",
                                    String.class));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    unitOfWork.commit();
                }
            });
            assertThat(insideBatch).isEqualTo("off auto off");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).as("after that transaction").isEqualTo("on");
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> database) {
        return new SpringApplicationBuilder(PromisesApplication.class)
                .web(WebApplicationType.NONE)
                .run(TestDatabase.asArguments(database));
    }
}
