package com.promises.projections.history;

import com.promises.core.account.CustomerRegistered;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Beside the links it writes, the chaining storage is Axon's storage as it is: every read and snapshot passes through. */
class ChainingStorageEngineTest {

    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final Events customer = new Events("engine-customer");
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static ChainingStorageEngine storage;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        storage = feed.storage();
        feed.recordAt(Instant.parse("2026-05-01T09:00:00Z"), customer.customerId(), customer.registered());
        feed.recordAt(Instant.parse("2026-05-02T09:00:00Z"), customer.customerId(),
                customer.promiseMade("P-1", "10", MAY, MAY.plusDays(5)), customer.promiseMade("P-2", "20", MAY, MAY.plusDays(6)));
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aCustomersEventsAndNewestSequenceAreReadThrough() {
        assertThat(storage.readEvents(customer.customerId()).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L);
        assertThat(storage.readEvents(customer.customerId(), 1).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(1L, 2L);
        assertThat(storage.lastSequenceNumberFor(customer.customerId())).contains(2L);
        assertThat(storage.lastSequenceNumberFor("engine-nobody")).isEmpty();
    }

    @Test
    void theStreamOfAllEventsIsReadThroughFromTheTokensAxonGives() {
        TrackingToken tail = storage.createTailToken();
        TrackingToken head = storage.createHeadToken();
        TrackingToken secondDay = storage.createTokenAt(Instant.parse("2026-05-02T00:00:00Z"));
        Long oldest = feed.jdbc().queryForObject("select min(globalindex) from domainevententry", Long.class);

        assertThat(tail.position()).hasValue(oldest - 1); // just before the oldest stored event, as Axon's engine puts it

        try (var all = storage.readEvents(tail, false)) {
            assertThat(all.map(TrackedEventMessage::getPayload)).hasSize(3).first().isInstanceOf(CustomerRegistered.class);
        }
        try (var none = storage.readEvents(head, false)) {
            assertThat(none).isEmpty();
        }
        try (var fromTheSecondDay = storage.readEvents(secondDay, false)) {
            assertThat(fromTheSecondDay.map(event -> event.getPayloadType().getSimpleName()))
                    .containsExactly("PromiseMade", "PromiseMade");
        }
    }

    @Test
    void aSnapshotIsStoredAndReadThrough() {
        String stream = "engine-snapshot";
        feed.record(stream, new Events(stream).registered());
        CustomerRegistered state = new Events(stream).registered();

        feed.axonTransactions().executeInTransaction(() ->
                storage.storeSnapshot(new GenericDomainEventMessage<>("CustomerAccount", stream, 0, state)));

        assertThat(storage.readSnapshot(stream)).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isZero();
            assertThat(snapshot.getPayload()).isEqualTo(state);
        });
        assertThat(storage.readSnapshot(customer.customerId())).isEmpty();
    }

    @Test
    void anAppendIsRefusedOutsideATransactionEvenWithNothingToAppend() {
        assertThatThrownBy(() -> storage.appendEvents(List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
    }

    @Test
    void eventsAppendedInATransactionAreStoredAndLinked() {
        String stream = "engine-append";
        feed.axonTransactions().executeInTransaction(() -> {
            storage.appendEvents(List.of());
            storage.appendEvents(List.of(new GenericDomainEventMessage<>("CustomerAccount", stream, 0,
                    new Events(stream).registered())));
        });

        assertThat(storage.lastSequenceNumberFor(stream)).contains(0L);
        assertThat(feed.jdbc().queryForObject("select count(*) from event_chain where stream_id = ?", Long.class, stream))
                .isEqualTo(1);
    }
}
