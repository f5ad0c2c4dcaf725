package com.promises.projections.summary;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Applies a customer's events to a view held in memory through the summary projection's own handlers, routed by
 * Axon as the processor routes them: for a read that must be as new as the history, and for the auditor's
 * comparison of the stored view with a fresh one.
 */
@Component
public class CustomerViewReplay {

    private final CustomerViewStore store;
    private final InMemoryViews views = new InMemoryViews();
    private final AnnotationEventHandlerAdapter projection =
            new AnnotationEventHandlerAdapter(new CustomerSummaryProjection(views));

    CustomerViewReplay(CustomerViewStore store) {
        this.store = store;
    }

    /** A fresh view of the customer from these events (the whole history, oldest first). */
    public CustomerView replay(String customerId, Iterable<? extends DomainEventMessage<?>> events) {
        return applied(store.create(customerId), events);
    }

    /** The view with these later events applied to it. */
    CustomerView applied(CustomerView view, Iterable<? extends DomainEventMessage<?>> events) {
        views.current.set(view);
        try {
            for (DomainEventMessage<?> event : events) {
                projection.handle(event);
            }
            return view;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            views.current.remove();
        }
    }

    /** The one view this thread replays into. */
    private static final class InMemoryViews implements CustomerViews {
        private final ThreadLocal<CustomerView> current = new ThreadLocal<>();

        @Override
        public void open(String customerId, long sequence, Consumer<CustomerView> change) {
            current.get().applyAt(sequence, change);
        }

        @Override
        public void change(String customerId, long sequence, Consumer<CustomerView> change) {
            current.get().applyAt(sequence, change);
        }

        @Override
        public void touch(String customerId, long sequence) {
            current.get().applyAt(sequence, view -> { });
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException("A replay in memory has nothing stored to clear");
        }
    }
}
