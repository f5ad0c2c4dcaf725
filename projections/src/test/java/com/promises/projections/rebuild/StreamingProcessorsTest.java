package com.promises.projections.rebuild;

import com.promises.core.account.CustomerRegistered;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only streaming processors keep tokens that a rebuild can reset and a status can measure; a subscribing processor,
 * which handles events as they are published and never replays, is left out rather than mistaken for a read model.
 */
class StreamingProcessorsTest {

    @Test
    void aSubscribingProcessorIsNotAmongTheProcessorsARebuildReplays() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .registerTokenStore(c -> new InMemoryTokenStore())
                .registerEventHandler(c -> new ReadModel())
                .registerEventHandler(c -> new Notifier())
                .registerPooledStreamingEventProcessor("read-model")
                .registerSubscribingEventProcessor("notifier");
        Configuration axon = configurer.buildConfiguration();

        assertThat(axon.eventProcessingConfiguration().eventProcessors()).containsOnlyKeys("read-model", "notifier");
        assertThat(Projections.streamingProcessors(axon.eventProcessingConfiguration())).containsOnlyKeys("read-model");
    }

    @ProcessingGroup("read-model")
    static final class ReadModel {
        @EventHandler
        void on(CustomerRegistered event) {
        }
    }

    @ProcessingGroup("notifier")
    static final class Notifier {
        @EventHandler
        void on(CustomerRegistered event) {
        }
    }
}
