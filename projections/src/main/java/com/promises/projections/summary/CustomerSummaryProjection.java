package com.promises.projections.summary;

import com.promises.core.account.CustomerRegistered;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRenegotiated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps customer_summary and customer_promise up to date. Runs in a streaming processor whose token is
 * stored in the same transaction as these writes, so each event takes effect exactly once. The views a
 * batch touches are read and written together ({@link ViewBatch}).
 */
@Component
@ProcessingGroup(CustomerSummaryProjection.GROUP)
class CustomerSummaryProjection {

    static final String GROUP = "customer-summary";

    private final CustomerViewStore store;
    private final JdbcTemplate jdbc;

    CustomerSummaryProjection(CustomerViewStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CustomerRegistered event, DomainEventMessage<?> message) {
        ViewBatch.current(store).register(event.customerId(), event, message.getSequenceNumber());
    }

    @EventHandler
    void on(PromiseMade event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    @EventHandler
    void on(PaymentRecorded event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    @EventHandler
    void on(PromiseKept event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    @EventHandler
    void on(PromisePartiallyKept event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    @EventHandler
    void on(PromiseBroken event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    @EventHandler
    void on(PromiseRenegotiated event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    @EventHandler
    void on(PromiseCancelled event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    @EventHandler
    void on(DisputeOpened event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    @EventHandler
    void on(DisputeResolved event, DomainEventMessage<?> message) {
        update(event.customerId(), event, message);
    }

    /** Events that change nothing here still move the customer's last applied sequence (read-your-writes). */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        ViewBatch.current(store).touch(message.getAggregateIdentifier(), message.getSequenceNumber());
    }

    @ResetHandler
    void clear() {
        jdbc.execute("truncate customer_promise, customer_summary, customer_band_count");
    }

    private void update(String customerId, Object event, DomainEventMessage<?> message) {
        try {
            ViewBatch.current(store).apply(customerId, event, message.getSequenceNumber());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Event " + message.getIdentifier() + " (" + event.getClass().getSimpleName()
                    + ") cannot be applied to customer " + customerId + ": " + e.getMessage(), e);
        }
    }
}
