package com.promises.projections.rebuild;

import com.promises.core.promise.PromiseMade;
import com.promises.projections.rebuild.Projections.ParkedEvent;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import com.promises.testing.Await;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The events the read models parked, as the admin console lists them: for each read model, the event it could not
 * apply and the customer's later events that wait behind it, oldest first, at most as many as asked for.
 */
class ParkedEventsTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    private static EventFeed feed;
    private static ReadModelProcessors processors;
    private static Instant before;
    private static String damagedPayment;

    @BeforeAll
    static void readModelsThatParkedADamagedPayment() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        processors = new ReadModelProcessors(feed);
        before = Instant.now();
        damagedPayment = recordWithADamagedPayment(feed);
        processors.start().awaitCaughtUp();
        Await.until("the events parked", () -> processors.projections.deadLetters(100).size() == 6);
    }

    @AfterAll
    static void stop() {
        processors.close();
        feed.close();
    }

    @Test
    void eachReadModelListsTheEventItCouldNotApplyWithWhyThenTheCustomersLaterEventsWaitingBehindIt() {
        List<ParkedEvent> parked = processors.projections.deadLetters(100);

        assertThat(parked).extracting(ParkedEvent::processor, ParkedEvent::eventType, ParkedEvent::customerId, ParkedEvent::sequence)
                .containsExactly(
                        tuple("customer-summary", "PaymentRecorded", "damaged", 2L),
                        tuple("customer-summary", "ReminderSent", "damaged", 3L),
                        tuple("customer-summary", "DisputeOpened", "damaged", 4L),
                        tuple("promise-schedule", "PaymentRecorded", "damaged", 2L),
                        tuple("promise-schedule", "ReminderSent", "damaged", 3L),
                        tuple("promise-schedule", "DisputeOpened", "damaged", 4L));
        // why the payment failed; the events behind it did not fail, they wait
        String unreadable = "org.axonframework.serialization.SerializationException: "
                + "Error while deserializing payload of message " + damagedPayment;
        assertThat(parked).extracting(ParkedEvent::error).containsExactly(unreadable, null, null, unreadable, null, null);
        Instant now = Instant.now();
        assertThat(parked).allSatisfy(letter -> {
            assertThat(letter.enqueuedAt()).isBetween(before, now);
            assertThat(letter.lastTouched()).isBetween(letter.enqueuedAt(), now);
        });
    }

    @Test
    void aLimitKeepsTheOldestParkedEventsOfEachReadModel() {
        assertThat(processors.projections.deadLetters(2)).extracting(ParkedEvent::processor, ParkedEvent::sequence)
                .containsExactly(tuple("customer-summary", 2L), tuple("customer-summary", 3L),
                        tuple("promise-schedule", 2L), tuple("promise-schedule", 3L));
        assertThat(processors.projections.deadLetters(1)).extracting(ParkedEvent::processor, ParkedEvent::sequence)
                .containsExactly(tuple("customer-summary", 2L), tuple("promise-schedule", 2L));
        assertThat(processors.projections.deadLetters(0)).isEmpty();
    }

    /**
     * Two customers with the same five events; the stored payment of one is damaged, so every read model fails on it
     * and parks it, and that customer's two later events with it. The other customer is applied as usual. Returns the
     * damaged payment's message identifier.
     */
    private static String recordWithADamagedPayment(EventFeed feed) {
        fiveEvents(feed, "healthy");
        String damagedPayment = fiveEvents(feed, "damaged").get(2).getIdentifier();
        feed.jdbc().update("update domainevententry set payload = convert_to('{\"amount\": [', 'UTF8') "
                + "where aggregateidentifier = 'damaged' and sequencenumber = 2");
        return damagedPayment;
    }

    private static List<DomainEventMessage<?>> fiveEvents(EventFeed feed, String customerId) {
        Events customer = new Events(customerId);
        PromiseMade promise = customer.promiseMade("P-1", "500", MARCH, MARCH.plusDays(9));
        return feed.record(customerId, customer.registered(), promise, customer.paid("PAY-1", "P-1", "200", MARCH.plusDays(2)),
                customer.reminded(promise, MARCH.plusDays(5), 3), customer.disputed(promise, MARCH.plusDays(6)));
    }
}
