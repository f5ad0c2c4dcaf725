package com.promises.projections.rebuild;

import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.Reason;
import com.promises.projections.history.EventHistory;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ForwardingEventHistory;
import com.promises.projections.testing.ReadModelDatabase;
import com.promises.projections.testing.ReadModelTables;
import com.promises.testing.Await;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild empties every read model and fills it again from the stored history, in bulk, while the processors are
 * stopped; the read models end exactly as live delivery left them, and the processors go on from the head. A bulk
 * replay that fails, or one the service did not finish, is carried out by the processors themselves.
 */
class RebuildTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    @Test
    void aRebuildRefillsDamagedReadModelsAsLiveDeliveryFilledThemAndTheProcessorsGoOnFromTheHead() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh()); ReadModelProcessors processors = new ReadModelProcessors(feed)) {
            long events = recordHistories(feed, "rebuilt-", 6);
            processors.start().awaitCaughtUp();
            String live = ReadModelTables.fingerprint(feed.jdbc());
            assertThat(processors.projections.status().rebuild()).isNull(); // no rebuild asked for yet
            assertThat(processors.projections.isRebuilding()).isFalse();
            damage(feed);
            assertThat(ReadModelTables.fingerprint(feed.jdbc())).isNotEqualTo(live);

            Projections.RebuildProgress started = processors.projections.rebuild();

            assertThat(started.replayBy()).isEqualTo("bulk");
            assertThat(started.total()).isEqualTo(events);
            Projections.RebuildProgress done = processors.awaitRebuilt();
            assertThat(done.running()).isFalse();
            assertThat(done.replayBy()).isEqualTo("bulk");
            assertThat(done.startedAt()).isEqualTo(started.startedAt());
            assertThat(done.processed()).isEqualTo(events);
            assertThat(done.total()).isEqualTo(events);
            assertThat(done.secondsLeft()).isZero();
            assertThat(done.eventsPerSecond()).isPositive();
            Await.pause(Duration.ofMillis(1_100));
            assertThat(processors.projections.status().rebuild().eventsPerSecond())
                    .as("the rate is measured up to the end of the replay, not up to now").isEqualTo(done.eventsPerSecond());
            assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(live);
            assertThat(feed.jdbc().queryForObject("select count(*) from read_model_rebuild", Long.class)).isZero();
            Projections.ProjectionsStatus status = processors.projections.status();
            assertThat(status.head()).isEqualTo(events);
            assertThat(status.processors()).extracting(Projections.ProjectionsStatus.Processor::name)
                    .containsExactlyElementsOf(ReadModelProcessors.NAMES);
            assertThat(status.processors()).allSatisfy(processor -> {
                assertThat(processor.running()).isTrue();
                assertThat(processor.replaying()).isFalse();
                assertThat(processor.position()).isEqualTo(events);
                assertThat(processor.lag()).isZero();
                assertThat(processor.deadLetters()).isZero();
            });

            // the processors were handed the head: the next event is applied once, by them
            Events customer = new Events("rebuilt-0");
            feed.record(customer.customerId(), customer.promiseMade("P-9", "40", MARCH, MARCH.plusDays(90)));
            processors.awaitCaughtUp();
            assertThat(feed.jdbc().queryForObject("select count(*) from customer_promise where customer_id = 'rebuilt-0'",
                    Long.class)).isEqualTo(4);
            assertThat(processors.projections.status().head()).isEqualTo(events + 1);
        }
    }

    @Test
    void aCustomerWithMoreEventsThanAPageHoldsIsRebuiltWhole() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh()); ReadModelProcessors processors = new ReadModelProcessors(feed)) {
            long events = recordHistories(feed, "paged-", 2);
            Events reminded = new Events("reminded-often");
            PromiseMade promise = reminded.promiseMade("P-1", "900", MARCH, LocalDate.of(2026, 12, 20));
            List<Object> history = new ArrayList<>(List.of(reminded.registered(), promise));
            for (int day = 0; history.size() <= BulkReplay.PAGE; day++) { // one customer's events fill a page and go on
                history.add(reminded.reminded(promise, MARCH.plusDays(day % 250), 1));
            }
            events += feed.record(reminded.customerId(), history.toArray()).size();
            processors.start().awaitCaughtUp();
            String live = ReadModelTables.fingerprint(feed.jdbc());
            damage(feed);

            processors.projections.rebuild();
            Projections.RebuildProgress done = processors.awaitRebuilt();

            assertThat(done.replayBy()).isEqualTo("bulk");
            assertThat(done.processed()).isEqualTo(events);
            assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(live);
        }
    }

    @Test
    void aRebuildAskedForAgainWhileOneRunsAnswersItsProgressAndStartsNoOther() throws InterruptedException {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            HeldHistory held = new HeldHistory(feed.history());
            try (ReadModelProcessors processors = new ReadModelProcessors(feed, held)) {
                long events = recordHistories(feed, "again-", 2);
                processors.start().awaitCaughtUp();
                String live = ReadModelTables.fingerprint(feed.jdbc());

                Projections.RebuildProgress first = processors.projections.rebuild();
                assertThat(held.reading.await(60, TimeUnit.SECONDS)).isTrue();
                Projections.RebuildProgress second = processors.projections.rebuild();

                assertThat(second.startedAt()).isEqualTo(first.startedAt());
                assertThat(second.running()).isTrue();
                assertThat(second.processed()).isZero();
                assertThat(second.secondsLeft()).isNull(); // nothing applied yet: no rate to estimate from
                assertThat(processors.projections.isRebuilding()).isTrue();
                // the read models were emptied and the processors stopped while the replay runs
                assertThat(feed.jdbc().queryForObject("select count(*) from customer_summary", Long.class)).isZero();
                assertThat(feed.jdbc().queryForObject("select count(*) from promise_window", Long.class)).isZero();
                assertThat(feed.jdbc().queryForObject("select count(*) from read_model_rebuild", Long.class)).isEqualTo(1);
                assertThat(processors.projections.status().processors()).noneMatch(Projections.ProjectionsStatus.Processor::running);

                held.release.countDown();
                Projections.RebuildProgress done = processors.awaitRebuilt();
                assertThat(done.processed()).isEqualTo(events);
                assertThat(held.replays).isEqualTo(1);
                assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(live);
            }
        }
    }

    @Test
    void aBulkReplayThatFailsIsCarriedOutByTheProcessorsFromTheStart() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            EventHistory unreadable = new ForwardingEventHistory(feed.history()) {
                @Override
                public TrackingToken replay(Consumer<TrackedEventMessage<?>> each) {
                    throw new IllegalStateException("Could not read the history");
                }
            };
            try (ReadModelProcessors processors = new ReadModelProcessors(feed, unreadable)) {
                long events = recordHistories(feed, "fell-back-", 3);
                processors.start().awaitCaughtUp();
                String live = ReadModelTables.fingerprint(feed.jdbc());
                damage(feed);

                processors.projections.rebuild();
                Projections.RebuildProgress done = processors.awaitRebuilt();

                assertThat(done.replayBy()).isEqualTo("processors");
                assertThat(done.running()).isFalse();
                assertThat(done.processed()).isEqualTo(events); // the processors' own position
                assertThat(done.total()).isEqualTo(events);
                assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(live);
                assertThat(feed.jdbc().queryForObject("select count(*) from read_model_rebuild", Long.class)).isZero();
            }
        }
    }

    @Test
    void anEventNoHandlerCanReadIsParkedAgainByTheBulkReplayOnceAndTheRestIsRebuilt() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh()); ReadModelProcessors processors = new ReadModelProcessors(feed)) {
            long events = recordHistories(feed, "lettered-", 3);
            // the second payment of one customer, damaged in the store: every read model fails on it
            feed.jdbc().update("update domainevententry set payload = convert_to('{\"amount\": [', 'UTF8') "
                    + "where aggregateidentifier = 'lettered-1' and sequencenumber = 8");
            processors.start().awaitCaughtUp();
            String live = ReadModelTables.fingerprint(feed.jdbc());
            List<Long> lettersLive = processors.projections.status().processors().stream()
                    .map(Projections.ProjectionsStatus.Processor::deadLetters).toList();
            assertThat(lettersLive).allSatisfy(letters -> assertThat(letters).isPositive());

            processors.projections.rebuild();
            Projections.RebuildProgress done = processors.awaitRebuilt();

            // the bulk replay goes through each processor's dead-letter queue, as the processors do
            assertThat(done.replayBy()).isEqualTo("bulk");
            assertThat(done.processed()).isEqualTo(events);
            assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(live);
            // the queues were emptied with the tables: each letter is parked again once, not beside its old copy
            Await.value("the letters parked again", () -> processors.projections.status().processors().stream()
                    .map(Projections.ProjectionsStatus.Processor::deadLetters).toList(), lettersLive::equals);
        }
    }

    @Test
    void aRebuildInterruptedByAStopIsFoundAtTheNextStartAndReplayedByTheProcessors() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            long events = recordHistories(feed, "interrupted-", 3);
            String live;
            try (ReadModelProcessors before = new ReadModelProcessors(feed)) {
                before.start().awaitCaughtUp();
                live = ReadModelTables.fingerprint(feed.jdbc());
            }
            // as a service stopped in the middle of a bulk replay leaves them: part of the rows, and its marker
            damage(feed);
            feed.jdbc().update("insert into read_model_rebuild (started_at) values (now())");

            try (ReadModelProcessors restarted = new ReadModelProcessors(feed)) {
                restarted.interrupted.start();

                assertThat(restarted.interrupted.isRunning()).isTrue();
                assertThat(feed.jdbc().queryForObject("select count(*) from customer_summary", Long.class)).isZero();
                assertThat(feed.jdbc().queryForObject("select count(*) from follow_up", Long.class)).isZero();
                assertThat(feed.jdbc().queryForObject("select count(*) from read_model_rebuild", Long.class)).isZero();

                restarted.start().awaitCaughtUp();
                assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(live);
                assertThat(restarted.projections.status().processors()).allSatisfy(processor ->
                        assertThat(processor.position()).isEqualTo(events));
                restarted.interrupted.stop();
                assertThat(restarted.interrupted.isRunning()).isFalse();
            }
        }
    }

    @Test
    void aStartWithoutAnInterruptedRebuildLeavesTheReadModelsAsTheyAre() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            recordHistories(feed, "kept-", 2);
            try (ReadModelProcessors before = new ReadModelProcessors(feed)) {
                before.start().awaitCaughtUp();
            }
            String stopped = ReadModelTables.fingerprint(feed.jdbc());

            try (ReadModelProcessors restarted = new ReadModelProcessors(feed)) {
                restarted.interrupted.start();

                assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(stopped);
                restarted.start().awaitCaughtUp();
                assertThat(restarted.projections.status().processors()).noneMatch(Projections.ProjectionsStatus.Processor::replaying);
                assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(stopped);
            }
        }
    }

    @Test
    void theInterruptedRebuildIsLookedForBeforeAxonStartsTheProcessors() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh()); ReadModelProcessors processors = new ReadModelProcessors(feed)) {
            assertThat(processors.interrupted.getPhase()).isEqualTo(Integer.MIN_VALUE / 2);
            assertThat(processors.interrupted.isRunning()).isFalse();
        }
    }

    /**
     * Customers with a kept, a broken (then partly paid), a reminded and disputed promise each: every read model gets
     * rows. Returns how many events were stored.
     */
    private static long recordHistories(EventFeed feed, String prefix, int customers) {
        long events = 0;
        for (int i = 0; i < customers; i++) {
            Events customer = new Events(prefix + i);
            PromiseMade kept = customer.promiseMade("P-1", "500", MARCH, MARCH.plusDays(9));
            PromiseMade broken = customer.promiseMade("P-2", String.valueOf(700 + i), MARCH, MARCH.plusDays(19));
            PromiseMade open = customer.promiseMade("P-3", "900", MARCH, LocalDate.of(2026, 5, 20));
            events += feed.record(customer.customerId(), customer.registered(), kept, broken, open,
                    customer.paid("PAY-1", "P-1", "500", MARCH.plusDays(4)), customer.kept(kept, MARCH.plusDays(4)),
                    customer.reminded(open, MARCH.plusDays(5), 3),
                    customer.brokenBecause(broken, Reason.CASH_FLOW, Instant.parse("2026-03-24T09:00:00Z")),
                    customer.paid("PAY-2", "P-2", "200", MARCH.plusDays(24)),
                    customer.disputed(open, MARCH.plusDays(25))).size();
        }
        return events;
    }

    /** Rows changed behind the projections' back: only a rebuild that empties the tables first puts them right. */
    private static void damage(EventFeed feed) {
        feed.jdbc().update("delete from customer_summary where customer_id in (select min(customer_id) from customer_summary)");
        feed.jdbc().update("update customer_promise set paid = paid + 1");
        feed.jdbc().update("delete from follow_up where id in (select min(id) from follow_up)");
        feed.jdbc().update("update promise_window set reminded_on = null");
    }

    /** The history, with a bulk replay that waits to be released once it has begun. */
    private static final class HeldHistory extends ForwardingEventHistory {
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int replays;

        HeldHistory(EventHistory history) {
            super(history);
        }

        @Override
        public TrackingToken replay(Consumer<TrackedEventMessage<?>> each) {
            replays++;
            reading.countDown();
            try {
                if (!release.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.replay(each);
        }
    }
}
