package com.promises.projections.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Axon's event storage with each appended event's link in its stream's hash chain written in the same transaction,
 * right after the events. Everything else is Axon's storage as it is.
 */
public final class ChainingStorageEngine implements EventStorageEngine {

    private final EventStorageEngine storage;
    private final EventChains chains;

    public ChainingStorageEngine(EventStorageEngine storage, EventChains chains) {
        this.storage = storage;
        this.chains = chains;
    }

    /**
     * @throws IllegalStateException outside a transaction, before anything is stored: the events would be committed
     *                               on their own, and their links could not be written with them
     */
    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Events are appended outside a transaction: their chain could not be "
                    + "written with them");
        }
        storage.appendEvents(events);
        if (!events.isEmpty()) {
            chains.linkAppended(events);
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        storage.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return storage.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return storage.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return storage.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return storage.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return storage.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }
}
