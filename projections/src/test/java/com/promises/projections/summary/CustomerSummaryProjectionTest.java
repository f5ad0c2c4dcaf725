package com.promises.projections.summary;

import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a customer's events, the summary read model holds their promises, payments and score. */
class CustomerSummaryProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static CustomerViewStore store;
    private static CustomerSummaries summaries;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        store = Projectors.store(feed.jdbc());
        summaries = new CustomerSummaries(new NamedParameterJdbcTemplate(feed.jdbc()),
                Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), new BusinessCalendar(ZoneId.of("UTC")),
                () -> false, store, new CustomerViewReplay(store), feed.history(), feed.transactions());
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aKeptAndABrokenPromiseScoreAsPolicyV1SaysAndThePaidOneOwesNothing() {
        Events customer = new Events("summary-kept-broken");
        PromiseMade kept = customer.promiseMade("P-1", "500", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10));
        PromiseMade broken = customer.promiseMade("P-2", "300", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 20));
        feed.deliver(feed.record(customer.customerId(), customer.registered(), kept, broken,
                customer.paid("PAY-1", "P-1", "500", LocalDate.of(2026, 5, 9)), customer.kept(kept, LocalDate.of(2026, 5, 9)),
                customer.brokenBecause(broken, Reason.CASH_FLOW, Instant.parse("2026-05-24T09:00:00Z"))),
                Projectors.summary(feed.jdbc()));

        CustomerSummary summary = summaries.get(customer.customerId());

        // (2 + 0.85 x 1.0 + 1 x 0) / (4 + 0.85 + 1) = 48.7
        assertThat(summary.reliability().score()).isEqualByComparingTo("48.7");
        assertThat(summary.reliability().kept()).isEqualTo(1);
        assertThat(summary.reliability().broken()).isEqualTo(1);
        assertThat(summary.promises()).extracting(CustomerSummary.PromiseLine::state)
                .containsExactly(PromiseState.KEPT, PromiseState.BROKEN);
        assertThat(summary.overdue().overdueAmount().amount()).isEqualByComparingTo("300");
        assertThat(summary.overdue().daysOverdue()).isEqualTo(26);
        assertThat(feed.jdbc().queryForObject("select count(*) from customer_promise where customer_id = ? and owed",
                Long.class, customer.customerId())).isEqualTo(1);
    }

    @Test
    void aReadRightAfterACommandSeesEventsTheProjectionHasNotAppliedYet() {
        Events customer = new Events("summary-newer");
        PromiseMade first = customer.promiseMade("P-1", "500", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10));
        feed.deliver(feed.record(customer.customerId(), customer.registered(), first), Projectors.summary(feed.jdbc()));
        feed.record(customer.customerId(), customer.paid("PAY-1", "P-1", "200", TODAY)); // stored, not yet projected

        CustomerSummary summary = summaries.get(customer.customerId());

        assertThat(summary.promises()).singleElement().satisfies(line ->
                assertThat(line.paid().amount()).isEqualByComparingTo("200"));
        assertThat(feed.jdbc().queryForObject("select paid from customer_promise where customer_id = ?", String.class,
                customer.customerId())).isEqualTo("0.0000");
    }
    @Test
    void anEventTheSummaryDoesNotShowStillMovesTheCustomersAppliedSequence() {
        Events customer = new Events("summary-touched");
        PromiseMade promise = customer.promiseMade("P-1", "500", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10));
        feed.deliver(feed.record(customer.customerId(), customer.registered(), promise,
                customer.reminded(promise, TODAY, 3)), Projectors.summary(feed.jdbc()));

        assertThat(storedSequence(customer)).isEqualTo(2); // a read of it need not look at the history again
    }

    @Test
    void aReadAfterAnEventTheProjectionCannotApplyAnswersWithTheStoredSummary() {
        Events customer = new Events("summary-unappliable");
        PromiseMade promise = customer.promiseMade("P-1", "500", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10));
        feed.deliver(feed.record(customer.customerId(), customer.registered(), promise), Projectors.summary(feed.jdbc()));
        // a payment to a promise the read model does not know: the projection sets it aside in its dead-letter queue
        feed.record(customer.customerId(), customer.paid("PAY-1", "P-9", "200", TODAY));

        CustomerSummary summary = summaries.get(customer.customerId());

        assertThat(summary.name()).isEqualTo("Customer summary-unappliable");
        assertThat(summary.promises()).singleElement().satisfies(line ->
                assertThat(line.paid().amount()).isEqualByComparingTo("0"));
    }

    @Test
    void aReadRightAfterACommandReadsOnlyTheEventsAfterTheStoredSummary() {
        Events customer = new Events("summary-damaged-before");
        PromiseMade first = customer.promiseMade("P-1", "500", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10));
        feed.deliver(feed.record(customer.customerId(), customer.registered(), first), Projectors.summary(feed.jdbc()));
        // an event already applied, damaged since: reading from the stored summary on never reads it again
        feed.jdbc().update("update domainevententry set payload = convert_to('{broken', 'UTF8') "
                + "where aggregateidentifier = ? and sequencenumber = 1", customer.customerId());
        feed.record(customer.customerId(), customer.paid("PAY-1", "P-1", "200", TODAY)); // stored, not yet projected

        CustomerSummary summary = summaries.get(customer.customerId());

        assertThat(summary.promises()).singleElement().satisfies(line ->
                assertThat(line.paid().amount()).isEqualByComparingTo("200"));
    }

    @Test
    void anEventSetAsideInABatchLeavesTheCustomersOtherChangesInThatBatchStored() {
        Events customer = new Events("summary-set-aside");
        PromiseMade first = customer.promiseMade("P-1", "500", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10));
        feed.deliver(feed.record(customer.customerId(), customer.registered(), first), Projectors.summary(feed.jdbc()));

        PromiseMade second = customer.promiseMade("P-2", "100", TODAY, LocalDate.of(2026, 7, 20));
        deliverSettingAsideFailures(feed.record(customer.customerId(), second,
                customer.paid("PAY-1", "P-9", "200", TODAY), // to a promise the read model does not know: it fails
                customer.reminded(second, TODAY, 3)));

        assertThat(storedSequence(customer)).isEqualTo(4);
        CustomerSummary summary = summaries.get(customer.customerId());
        assertThat(summary.name()).isEqualTo("Customer summary-set-aside");
        assertThat(summary.promises()).extracting(CustomerSummary.PromiseLine::promiseId).containsExactly("P-1", "P-2");
    }

    /**
     * One processor batch of the summary projection, committed, as a processor with a dead-letter queue runs it: an
     * event whose handler fails is set aside and the batch goes on.
     */
    private static void deliverSettingAsideFailures(List<? extends EventMessage<?>> batch) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(Projectors.summary(feed.jdbc()));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        unitOfWork.attachTransaction(feed.axonTransactions());
        var result = unitOfWork.executeWithResult(() -> {
            for (EventMessage<?> event : batch) {
                try {
                    handlers.handle(event);
                } catch (RuntimeException setAside) {
                    // the dead-letter queue's part, which this test does not need
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        assertThat(result.isExceptional()).isFalse();
    }

    private static long storedSequence(Events customer) {
        return feed.jdbc().queryForObject("select last_sequence from customer_summary where customer_id = ?", Long.class,
                customer.customerId());
    }
}
