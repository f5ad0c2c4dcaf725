package com.promises.projections.rebuild;

import com.promises.core.account.CustomerRegistered;
import com.promises.projections.history.EventHistory;
import com.promises.projections.history.StoredEvent;
import com.promises.projections.testing.Events;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/** How the bulk replay reports a failure: what went wrong first, with whatever else failed alongside. */
class BulkReplayTest {

    @Test
    void aReadThatFailsAfterAPageFailedReportsTheReadWithThePageBesideIt() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .registerTokenStore(c -> new InMemoryTokenStore())
                .registerEventHandler(c -> new ReadModel())
                .registerPooledStreamingEventProcessor("read-model")
                .registerHandlerInterceptor("read-model", c -> (unitOfWork, chain) -> {
                    throw new IllegalStateException("The page could not be written");
                });
        Configuration axon = configurer.buildConfiguration();
        AbstractEventProcessor readModel = axon.eventProcessingConfiguration()
                .eventProcessor("read-model", AbstractEventProcessor.class).orElseThrow();
        EventHistory readsOneEventThenFails = new Unreadable(each -> {
            each.accept(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(1),
                    new GenericDomainEventMessage<>("CustomerAccount", "c-1", 0, new Events("c-1").registered())));
            throw new IllegalStateException("Could not read the history");
        });
        BulkReplay bulk = new BulkReplay(readsOneEventThenFails, NoTransactionManager.INSTANCE, new InMemoryTokenStore(), null);

        RuntimeException failure = catchRuntimeException(() -> bulk.replay(Map.of("read-model", readModel), new AtomicLong()));

        assertThat(failure).hasMessage("Could not read the history");
        assertThat(failure.getSuppressed()).singleElement().satisfies(page -> {
            assertThat(page).hasMessage("A page of the replay failed and was rolled back");
            assertThat(page).hasRootCauseMessage("The page could not be written");
        });
    }

    @ProcessingGroup("read-model")
    static final class ReadModel {
        @EventHandler
        void on(CustomerRegistered event) {
        }
    }

    /** A history that hands {@code replay} to the given reader; nothing else is asked of it. */
    private record Unreadable(Consumer<Consumer<TrackedEventMessage<?>>> reader) implements EventHistory {
        @Override
        public TrackingToken replay(Consumer<TrackedEventMessage<?>> each) {
            reader.accept(each);
            return null;
        }

        @Override
        public long head() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Long> lastSequence(String customerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<? extends DomainEventMessage<?>> events(String customerId, long fromSequence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEachStored(String customerId, Consumer<StoredEvent> each) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void append(DomainEventMessage<?> event) {
            throw new UnsupportedOperationException();
        }
    }
}
