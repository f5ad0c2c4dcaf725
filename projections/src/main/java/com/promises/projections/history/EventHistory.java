package com.promises.projections.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one door to the stored history of every customer. Everything that reads events goes through it; only its
 * implementation knows how and where they are stored.
 */
public interface EventHistory {

    /** The global index of the newest stored event; -1 when there is none. */
    long head();

    /** The customer's newest sequence number, or empty for a customer the history has never heard of. */
    Optional<Long> lastSequence(String customerId);

    /** The customer's events from this sequence number on, oldest first, as the application reads them. */
    List<? extends DomainEventMessage<?>> events(String customerId, long fromSequence);

    /** The customer's events, oldest first, exactly as stored with their chain's hashes: what an auditor is shown. */
    void forEachStored(String customerId, Consumer<StoredEvent> each);

    /**
     * Appends an event of the service's own (not a customer's command), in the caller's transaction. A sequence number
     * its stream already holds is refused, as two commands on one customer are.
     */
    void append(DomainEventMessage<?> event);

    /**
     * Every event up to the head, read in one snapshot of the store, each customer's events together and in order,
     * handed one by one to {@code each}.
     *
     * @return the position at the head, with the gaps below it that a late commit could still fill; null when the
     * history is empty
     */
    TrackingToken replay(Consumer<TrackedEventMessage<?>> each);
}
