package com.promises.projections.testing;

import com.promises.projections.history.EventHistory;
import com.promises.projections.history.StoredEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** An event history that hands every call to another: a test overrides the one read it wants to hold or fail. */
public class ForwardingEventHistory implements EventHistory {
    private final EventHistory history;

    public ForwardingEventHistory(EventHistory history) {
        this.history = history;
    }

    @Override
    public long head() {
        return history.head();
    }

    @Override
    public Optional<Long> lastSequence(String customerId) {
        return history.lastSequence(customerId);
    }

    @Override
    public List<? extends DomainEventMessage<?>> events(String customerId, long fromSequence) {
        return history.events(customerId, fromSequence);
    }

    @Override
    public void forEachStored(String customerId, Consumer<StoredEvent> each) {
        history.forEachStored(customerId, each);
    }

    @Override
    public void append(DomainEventMessage<?> event) {
        history.append(event);
    }

    @Override
    public TrackingToken replay(Consumer<TrackedEventMessage<?>> each) {
        return history.replay(each);
    }
}
