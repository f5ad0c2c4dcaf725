package com.promises.projections.summary;

import com.promises.core.account.CustomerRegistered;
import com.promises.core.commitment.OurCommitmentMade;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.risk.FinancialSituationRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Keeps customer_summary and customer_promise up to date. Runs in a streaming processor whose token is stored in the
 * same transaction as these writes, and skips an event its customer's view has already applied, so each event
 * takes effect exactly once.
 */
@Component
@ProcessingGroup(CustomerSummaryProjection.GROUP)
class CustomerSummaryProjection {

    static final String GROUP = "customer-summary";

    private final CustomerViews views;

    CustomerSummaryProjection(CustomerViews views) {
        this.views = views;
    }

    @EventHandler
    void on(CustomerRegistered event, DomainEventMessage<?> message) {
        views.open(event.customerId(), message.getSequenceNumber(), view -> view.registered(event));
    }

    @EventHandler
    void on(PromiseMade event, DomainEventMessage<?> message) {
        change(message, view -> view.promiseMade(event));
    }

    @EventHandler
    void on(PaymentRecorded event, DomainEventMessage<?> message) {
        change(message, view -> view.paymentRecorded(event));
    }

    @EventHandler
    void on(PromiseKept event, DomainEventMessage<?> message) {
        change(message, view -> view.promiseKept(event));
    }

    @EventHandler
    void on(PromisePartiallyKept event, DomainEventMessage<?> message) {
        change(message, view -> view.promisePartiallyKept(event));
    }

    @EventHandler
    void on(PromiseBroken event, DomainEventMessage<?> message) {
        change(message, view -> view.promiseBroken(event));
    }

    @EventHandler
    void on(PromiseRenegotiated event, DomainEventMessage<?> message) {
        change(message, view -> view.promiseRenegotiated(event));
    }

    @EventHandler
    void on(PromiseCancelled event, DomainEventMessage<?> message) {
        change(message, view -> view.promiseCancelled(event));
    }

    @EventHandler
    void on(DisputeOpened event, DomainEventMessage<?> message) {
        change(message, view -> view.disputeOpened(event));
    }

    @EventHandler
    void on(DisputeResolved event, DomainEventMessage<?> message) {
        change(message, view -> view.disputeResolved(event));
    }

    @EventHandler
    void on(OutcomeExplained event, DomainEventMessage<?> message) {
        change(message, view -> view.outcomeExplained(event));
    }

    @EventHandler
    void on(PromiseRejudged event, DomainEventMessage<?> message) {
        change(message, view -> view.promiseRejudged(event));
    }

    @EventHandler
    void on(PromiseExcused event, DomainEventMessage<?> message) {
        change(message, view -> view.promiseExcused(event));
    }

    @EventHandler
    void on(PaymentReversed event, DomainEventMessage<?> message) {
        change(message, view -> view.paymentReversed(event));
    }

    @EventHandler
    void on(FinancialSituationRecorded event, DomainEventMessage<?> message) {
        change(message, view -> view.situationRecorded(event));
    }

    @EventHandler
    void on(OurCommitmentMade event, DomainEventMessage<?> message) {
        change(message, CustomerView::commitmentMade);
    }

    @EventHandler
    void on(OurCommitmentOutcomeRecorded event, DomainEventMessage<?> message) {
        change(message, view -> view.commitmentAnswered(event));
    }

    /** Events that change nothing here still move the customer's last applied sequence (read-your-writes). */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        views.touch(message.getAggregateIdentifier(), message.getSequenceNumber());
    }

    @ResetHandler
    void clear() {
        views.clear();
    }

    private void change(DomainEventMessage<?> message, Consumer<CustomerView> change) {
        try {
            views.change(message.getAggregateIdentifier(), message.getSequenceNumber(), change);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Event " + message.getIdentifier() + " (" + message.getPayloadType().getSimpleName()
                    + ") cannot be applied to customer " + message.getAggregateIdentifier() + ": " + e.getMessage(), e);
        }
    }
}
