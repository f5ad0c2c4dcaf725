package com.promises.projections.batch;

import com.promises.core.account.CustomerRegistered;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import com.promises.testing.Await;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model's transaction (a processor's batch) commits without waiting for the disk and plans no full scans;
 * the settings are local to it, so other transactions keep PostgreSQL's defaults.
 */
class ReadModelTransactionsTest {

    private static EventFeed feed;
    private static Configuration axon;
    private static SettingsSeen seen;

    @BeforeAll
    static void processorWithTheSettings() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        seen = new SettingsSeen(feed.jdbc()); // per run: a mutation tester runs the class again in one JVM
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> feed.axonTransactions())
                .configureSerializer(c -> feed.serializer())
                .configureEventSerializer(c -> feed.serializer())
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(feed.storage()).build());
        configurer.eventProcessing()
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(new SpringDataSourceConnectionProvider(feed.dataSource()))
                        .serializer(feed.serializer()).contentType(byte[].class).build())
                .registerEventHandler(c -> seen)
                .registerPooledStreamingEventProcessor("settings-seen");
        new ReadModelTransactions().readModelTransactionSettings(feed.jdbc()).configureModule(configurer);
        axon = configurer.buildConfiguration();
        axon.start();
    }

    @AfterAll
    static void stop() {
        axon.shutdown();
        feed.close();
    }

    @Test
    void aReadModelsHandlersRunWithoutSynchronousCommitAndWithoutFullScans() {
        for (String customerId : List.of("settings-1", "settings-2", "settings-3")) {
            feed.record(customerId, new Events(customerId).registered());
        }

        Await.until("every event handled", () -> seen.settings.size() == 3);

        assertThat(seen.settings).containsOnly("synchronous_commit=off enable_seqscan=off");
        assertThat(settings(feed.jdbc())).as("outside a read model's transaction")
                .isEqualTo("synchronous_commit=on enable_seqscan=on");
    }

    private static String settings(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select 'synchronous_commit=' || current_setting('synchronous_commit') "
                + "|| ' enable_seqscan=' || current_setting('enable_seqscan')", String.class);
    }

    /** A read model that notes, for each event, the settings its transaction runs with. */
    @ProcessingGroup("settings-seen")
    static final class SettingsSeen {
        final List<String> settings = new CopyOnWriteArrayList<>();
        private final JdbcTemplate jdbc;

        SettingsSeen(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(CustomerRegistered event) {
            settings.add(settings(jdbc));
        }
    }
}
