package com.promises.api.imports;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;


/**
 * Counts the events stored on this thread: the event store's dispatch interceptors see a unit of work's events as
 * it commits, so the work counted must include the commit (a caller whose commit fails forgets the count).
 */
@Component
class EventsStored {

    private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();

    EventsStored(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(messages -> {
            long[] count = COUNT.get();
            if (count != null) {
                count[0] += messages.size();
            }
            return (index, message) -> message;
        });
    }

    /** Runs {@code work} and answers how many events it stored on this thread. */
    long counting(Runnable work) {
        long[] count = {0};
        COUNT.set(count);
        try {
            work.run();
            return count[0];
        } finally {
            COUNT.remove();
        }
    }
}
