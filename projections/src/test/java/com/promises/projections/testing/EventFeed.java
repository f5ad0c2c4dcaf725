package com.promises.projections.testing;

import com.promises.projections.history.CachingJacksonSerializer;
import com.promises.projections.history.ChainingStorageEngine;
import com.promises.projections.history.EventChains;
import com.promises.projections.history.EventHistory;
import com.promises.projections.history.JdbcEventHistory;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events recorded in a real event history and handed to projection classes the way an event processor hands them:
 * a batch at a time, in one transaction with the batch's writes. No Spring context and no processor.
 */
public final class EventFeed implements AutoCloseable {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;
    private final SpringTransactionManager axonTransactions;
    private final Serializer serializer = CachingJacksonSerializer.forHistory();
    private final ChainingStorageEngine storage;
    private final EmbeddedEventStore eventStore;
    private final EventHistory history;
    private final Map<String, Long> nextSequence = new HashMap<>();
    /** Who records the events, as the service's tracing writes it into their metadata. */
    private static final Map<String, String> ORIGIN = Map.of("actor", "collector", "correlationId", "feed-1");

    public EventFeed(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.axonTransactions = new SpringTransactionManager(transactions);
        PersistenceExceptionResolver never = exception -> false;
        this.storage = new ChainingStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(axonTransactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(never)
                .build(), new EventChains(dataSource, serializer));
        this.eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("eventStore", eventStore);
        this.history = new JdbcEventHistory(jdbc, dataSource, beans.getBeanProvider(EventStore.class), serializer,
                beans.getBeanProvider(EventUpcaster.class));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSourceTransactionManager transactions() {
        return transactions;
    }

    /** The storage engine under the event store, as the service configures it. */
    public ChainingStorageEngine storage() {
        return storage;
    }

    /** The serializer the history is stored with, as the service configures it for events, snapshots and tokens. */
    public Serializer serializer() {
        return serializer;
    }

    /** Axon's transactions over this database, as the service's event store and processors run them. */
    public SpringTransactionManager axonTransactions() {
        return axonTransactions;
    }

    /** The production history over this database. */
    public EventHistory history() {
        return history;
    }

    /** Stores the customer's events after those recorded before, and returns them as a processor would see them. */
    public List<DomainEventMessage<?>> record(String customerId, Object... payloads) {
        return recordAt(null, customerId, payloads);
    }

    /** As {@link #record}, with the time the store took them (now, when null) and who recorded them. */
    public List<DomainEventMessage<?>> recordAt(Instant recordedAt, String customerId, Object... payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            long sequence = nextSequence.merge(customerId, 1L, Long::sum) - 1;
            messages.add(recordedAt == null
                    ? new GenericDomainEventMessage<>("CustomerAccount", customerId, sequence, payload, ORIGIN)
                    : new GenericDomainEventMessage<>("CustomerAccount", customerId, sequence, payload, ORIGIN,
                    UUID.randomUUID().toString(), recordedAt));
        }
        axonTransactions.executeInTransaction(() -> eventStore.publish(messages));
        return messages;
    }

    /** Hands the events to each projection as one processor batch, in one transaction, committed. */
    public void deliver(List<? extends EventMessage<?>> batch, Object... projections) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        unitOfWork.attachTransaction(axonTransactions);
        var result = unitOfWork.executeWithResult(() -> {
            for (Object projection : projections) {
                AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
                for (EventMessage<?> event : batch) {
                    if (handlers.canHandle(event)) {
                        handlers.handle(event);
                    }
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("The batch failed and was rolled back", result.exceptionResult());
        }
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}
