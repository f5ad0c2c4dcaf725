package com.promises.projections.history;

import com.promises.core.account.CustomerRegistered;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one door to the stored history: its head, each customer's events as the application and as an auditor reads
 * them, appends of the service's own, and the replay in customer order with the position it ends at.
 */
class JdbcEventHistoryTest {

    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final Instant RECORDED = Instant.parse("2026-05-01T09:30:00Z");
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void anEmptyHistoryHasNoHeadAndReplaysNothing() {
        try (EventFeed empty = new EventFeed(ReadModelDatabase.fresh())) {
            List<TrackedEventMessage<?>> replayed = new ArrayList<>();

            assertThat(empty.history().head()).isEqualTo(-1);
            assertThat(empty.history().replay(replayed::add)).isNull();
            assertThat(replayed).isEmpty();
            assertThat(empty.history().lastSequence("anyone")).isEmpty();
            assertThat(empty.history().events("anyone", 0)).isEmpty();
        }
    }

    @Test
    void theHeadIsTheGlobalIndexOfTheNewestEvent() {
        Events customer = new Events("history-head");
        feed.record(customer.customerId(), customer.registered());
        long before = feed.history().head();

        feed.record(customer.customerId(), customer.promiseMade("P-1", "10", MAY, MAY.plusDays(5)),
                customer.promiseMade("P-2", "20", MAY, MAY.plusDays(6)));

        assertThat(before).isPositive();
        assertThat(feed.history().head()).isEqualTo(before + 2)
                .isEqualTo(feed.jdbc().queryForObject("select max(globalindex) from domainevententry", Long.class));
    }

    @Test
    void aCustomersEventsFromASequenceOnAndTheNewestSequence() {
        Events customer = new Events("history-events");
        feed.record(customer.customerId(), customer.registered(), customer.promiseMade("P-1", "10", MAY, MAY.plusDays(5)),
                customer.promiseMade("P-2", "20", MAY, MAY.plusDays(6)), customer.promiseMade("P-3", "30", MAY, MAY.plusDays(7)));

        List<? extends DomainEventMessage<?>> fromTwo = feed.history().events(customer.customerId(), 2);

        assertThat(fromTwo).extracting(DomainEventMessage::getSequenceNumber).containsExactly(2L, 3L);
        assertThat(fromTwo).extracting(event -> event.getPayloadType().getSimpleName()).containsOnly("PromiseMade");
        assertThat(feed.history().events(customer.customerId(), 0)).hasSize(4);
        assertThat(feed.history().lastSequence(customer.customerId())).contains(3L);
    }

    @Test
    void theEventsAsStoredCarryTheirTypeTimeMetadataPayloadAndHash() {
        Events customer = new Events("history-stored");
        feed.recordAt(RECORDED, customer.customerId(), customer.registered(), customer.promiseMade("P-1", "10", MAY, MAY.plusDays(5)));

        List<StoredEvent> stored = new ArrayList<>();
        feed.history().forEachStored(customer.customerId(), stored::add);

        assertThat(stored).hasSize(2);
        StoredEvent registered = stored.get(0);
        assertThat(registered.stream()).isEqualTo("history-stored");
        assertThat(registered.sequence()).isZero();
        assertThat(stored.get(1).sequence()).isEqualTo(1);
        assertThat(registered.type()).isEqualTo(CustomerRegistered.class.getName());
        assertThat(stored.get(1).type()).isEqualTo("com.promises.core.promise.PromiseMade");
        assertThat(registered.recordedAt()).isEqualTo(RECORDED);
        assertThat(new String(registered.metadata(), StandardCharsets.UTF_8)).contains("\"actor\":\"collector\"");
        assertThat(registered.payloadText()).contains("\"name\":\"Customer history-stored\"");
        assertThat(registered.hash()).isEqualTo(feed.jdbc().queryForObject(
                "select hash from event_chain where stream_id = ? and sequence_number = 0", String.class, "history-stored"));
        assertThat(registered.link().actor()).isEqualTo("collector");
        assertThat(registered.link().correlationId()).isEqualTo("feed-1");
    }

    @Test
    void anAppendTakesTheCallersTransactionAndASequenceAlreadyHeldIsRefused() {
        String stream = "history-append";
        TransactionTemplate transaction = new TransactionTemplate(feed.transactions());
        transaction.executeWithoutResult(status -> feed.history().append(new GenericDomainEventMessage<>("Service", stream, 0,
                new Events(stream).registered(), MetaData.from(Map.of("actor", "system")))));

        assertThat(feed.history().lastSequence(stream)).contains(0L);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> feed.history().append(
                new GenericDomainEventMessage<>("Service", stream, 0, new Events(stream).registered()))))
                .isInstanceOf(RuntimeException.class);
        assertThat(feed.history().events(stream, 0)).singleElement()
                .satisfies(event -> assertThat(event.getMetaData()).containsEntry("actor", "system"));
    }

    @Test
    void aReplayHandsEachCustomersEventsTogetherInOrderAndEndsAtTheHeadWithItsGaps() {
        try (EventFeed interleaved = new EventFeed(ReadModelDatabase.fresh())) {
            Events b = new Events("replay-b");
            Events a = new Events("replay-a");
            interleaved.record(b.customerId(), b.registered());
            interleaved.record(a.customerId(), a.registered());
            // a transaction that stored an event and rolled back leaves its global index unused: a gap
            new TransactionTemplate(interleaved.transactions()).executeWithoutResult(status -> {
                interleaved.history().append(new GenericDomainEventMessage<>("CustomerAccount", "replay-c", 0,
                        new Events("replay-c").registered()));
                status.setRollbackOnly();
            });
            interleaved.record(b.customerId(), b.promiseMade("P-1", "10", MAY, MAY.plusDays(5)));
            interleaved.record(a.customerId(), a.promiseMade("P-1", "10", MAY, MAY.plusDays(5)));
            List<TrackedEventMessage<?>> replayed = new ArrayList<>();

            GapAwareTrackingToken head = (GapAwareTrackingToken) interleaved.history().replay(replayed::add);

            assertThat(replayed).extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier() + "/"
                    + ((DomainEventMessage<?>) event).getSequenceNumber())
                    .containsExactly("replay-a/0", "replay-a/1", "replay-b/0", "replay-b/1");
            // stored as b0 (1), a0 (2), the rolled-back event (3), b1 (4), a1 (5)
            assertThat(replayed).extracting(event -> ((GapAwareTrackingToken) event.trackingToken()).getIndex())
                    .containsExactly(2L, 5L, 1L, 4L);
            assertThat(replayed.get(0).getPayload()).isInstanceOf(CustomerRegistered.class);
            assertThat(head.getIndex()).isEqualTo(5);
            // index 0 is never used: the global index starts at 1
            assertThat(head.getGaps()).containsExactly(0L, 3L);
        }
    }

    @Test
    void aReplayGivesUpGapsFurtherBelowTheHeadThanAxonWaitsFor() {
        try (EventFeed far = new EventFeed(ReadModelDatabase.fresh())) {
            Events customer = new Events("replay-far");
            far.record(customer.customerId(), customer.registered());
            far.jdbc().queryForObject("select setval('domainevententry_globalindex_seq', 20000)", Long.class);
            far.record(customer.customerId(), customer.promiseMade("P-1", "10", MAY, MAY.plusDays(5)));

            GapAwareTrackingToken head = (GapAwareTrackingToken) far.history().replay(event -> { });

            assertThat(head.getIndex()).isEqualTo(20_001);
            assertThat(head.getGaps()).hasSize(JdbcEventHistory.MAX_GAP_OFFSET);
            assertThat(head.getGaps().first()).isEqualTo(20_001 - JdbcEventHistory.MAX_GAP_OFFSET);
            assertThat(head.getGaps().last()).isEqualTo(20_000);
        }
    }

    @Test
    void anEventStoredOutsideAnyCustomerIsReplayedWithoutOne() {
        try (EventFeed mixed = new EventFeed(ReadModelDatabase.fresh())) {
            Events customer = new Events("replay-domain");
            mixed.record(customer.customerId(), customer.registered());
            mixed.axonTransactions().executeInTransaction(() -> mixed.storage().appendEvents(
                    List.of(GenericEventMessage.asEventMessage(new Events("no-aggregate").registered()))));
            List<TrackedEventMessage<?>> replayed = new ArrayList<>();

            mixed.history().replay(replayed::add);

            assertThat(replayed).hasSize(2);
            assertThat(replayed).filteredOn(event -> event instanceof DomainEventMessage<?> domain
                    && domain.getAggregateIdentifier() != null)
                    .singleElement().satisfies(event ->
                            assertThat(((DomainEventMessage<?>) event).getAggregateIdentifier()).isEqualTo("replay-domain"));
        }
    }
}
