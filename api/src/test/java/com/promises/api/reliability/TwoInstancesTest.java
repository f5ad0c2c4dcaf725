package com.promises.api.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.promises.api.command.CommandDispatcher;
import com.promises.projections.audit.CustomerAudit;
import com.promises.projections.rebuild.Projections;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.DeliveryLog;
import com.promises.testing.DeliveryLog.Run;
import com.promises.testing.Instance;
import com.promises.testing.RacingClock;
import com.promises.testing.ReadModelTables;
import com.promises.testing.RunSize;
import com.promises.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Api.User.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, collectors' requests alternating between them for the same
 * customers while both instances' sweepers judge the windows that close meanwhile (business time runs a day every
 * second). Nothing fails with a 500, every promise is judged once, each read model is processed by one instance
 * at a time and every event reaches it once, and both instances answer alike.
 */
class TwoInstancesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Set<String> VALUATIONS = Set.of("PromiseKept", "PromisePartiallyKept", "PromiseBroken");

    @Test
    void twoInstancesServeTheSameCustomersJudgeEachPromiseOnceAndAnswerAlike() throws Exception {
        int customers = RunSize.pick(20, 100);
        int requests = RunSize.pick(2_000, 30_000);
        Duration limit = RunSize.pick(Duration.ofSeconds(30), Duration.ofMinutes(10));
        RacingClock.INSTANCE.race(Instant.parse("2026-06-15T09:00:00Z"), Duration.ofDays(1));
        Map<String, Object> database = TestDatabase.freshDatabase();
        ConflictsRetriedInside retriedInside = null;
        try (Instance a = start("instance-a", database);
             Instance b = start("instance-b", TestDatabase.sameServerAs(a.context(), database))) {
            JdbcTemplate jdbc = a.jdbc();
            retriedInside = ConflictsRetriedInside.count(); // after the starts: each start sets up logging afresh
            a.processor("customer-summary").releaseSegment(0); // what a balancer or an operator does: B takes it
            Await.until("instance-b holding the summary's segment", PATIENCE,
                    () -> "instance-b".equals(owner(jdbc, "customer-summary")), () -> owners(jdbc));
            assertThat(owners(jdbc)).containsEntry("customer-summary", "instance-b")
                    .containsEntry("promise-schedule", "instance-a");
            // The service's own start is recorded (the scoring policy in force): instance-a may have applied it before
            // it released the segment; everything after it is instance-b's.
            long storedBeforeLoad = eventCount(jdbc);

            List<String> ids = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                ids.add("two-" + c);
            }
            CollectorsLoad load = new CollectorsLoad(List.of(a.api(), b.api()), ids, requests, limit)
                    .dated(RacingClock.INSTANCE::today);
            load.registerAll();
            CollectorsLoad.Tally tally = load.run(8);

            RacingClock.INSTANCE.freeze(Duration.ofDays(10)); // every window closes; the sweepers judge the rest
            Map<String, Integer> valuations = new HashMap<>();
            Await.until("every acknowledged promise judged", PATIENCE, () -> {
                valuations.clear();
                valuations.putAll(valuationsPerPromise(jdbc));
                return valuations.keySet().containsAll(tally.promises());
            }, () -> tally.promises().size() - valuations.size() + " not judged yet");
            Await.until("every event applied by every read model", PATIENCE, () -> DeliveryLog.complete(jdbc),
                    () -> DeliveryLog.undelivered(jdbc));

            assertThat(tally.answers().keySet()).as("statuses answered").allMatch(status -> status < 500);
            assertThat(tally.uncoded()).as("refusals without a problem code").isEmpty();
            assertThat(storedPromises(jdbc)).as("promises stored, each once")
                    .containsExactlyInAnyOrderElementsOf(tally.promises());
            assertThat(valuations.values()).as("valuations per promise").allMatch(count -> count == 1);
            long sweptByA = valuationsAsked(a);
            long sweptByB = valuationsAsked(b);
            assertThat(sweptByA).as("valuations asked by instance-a's sweeper").isPositive();
            assertThat(sweptByB).as("valuations asked by instance-b's sweeper").isPositive();
            assertThat(DeliveryLog.redeliveries(jdbc)).as("events applied twice").isEmpty();
            var runs = DeliveryLog.runs(jdbc);
            long events = eventCount(jdbc);
            List<Run> summaryRuns = runs.get("customer-summary");
            Run startOnA = summaryRuns.get(0).instance().equals("instance-a")
                    ? summaryRuns.get(0) : new Run("instance-a", 0);
            assertThat(startOnA.events()).as("summary events applied by instance-a before the hand-over, runs %s", runs)
                    .isLessThanOrEqualTo(storedBeforeLoad);
            assertThat(summaryRuns).as("who applied the summary, in order")
                    .endsWith(new Run("instance-b", events - startOnA.events()))
                    .hasSize(startOnA.events() == 0 ? 1 : 2);
            assertThat(runs.get("promise-schedule")).as("who applied the schedule")
                    .containsExactly(new Run("instance-a", events));
            assertThat(lag(a, "promise-schedule")).as("instance-a's schedule lag in /admin/projections").isZero();
            assertThat(lag(b, "customer-summary")).as("instance-b's summary lag in /admin/projections").isZero();
            for (String path : List.of("/api/v1/customers?sort=score&size=200", "/api/v1/follow-ups",
                    "/api/v1/reminders/due?on=" + RacingClock.INSTANCE.today())) {
                assertThat(get(b, path)).as(path).isEqualTo(get(a, path));
            }
            for (String customer : ids) {
                String summary = "/api/v1/customers/" + customer;
                assertThat(get(b, summary)).as(customer).isEqualTo(get(a, summary));
                assertThat(get(b, "/api/v1/customers/" + customer + "/audit/verify").path("consistent").asBoolean())
                        .as("verify %s", customer).isTrue();
            }

            int conflictsRetriedInside = retriedInside.total();
            long elsewhereA = lag(a, "customer-summary");
            long elsewhereB = lag(b, "promise-schedule"); // each instance's view of the processor the other one holds
            var appliedBy = DeliveryLog.runs(jdbc);
            b.close(); // its claims are released; instance-a carries on alone from where instance-b stopped
            Await.until("instance-a holding the summary's segment", PATIENCE,
                    () -> "instance-a".equals(owner(jdbc, "customer-summary")), () -> owners(jdbc));
            List<String> later = ids.subList(0, Math.min(5, ids.size()));
            new CollectorsLoad(List.of(a.api()), later, 50, Duration.ofSeconds(30)).run(1);
            Await.until("every event applied after the hand-over", PATIENCE, () -> DeliveryLog.complete(jdbc),
                    () -> DeliveryLog.undelivered(jdbc));
            assertThat(DeliveryLog.redeliveries(jdbc)).as("events applied twice after the hand-over").isEmpty();
            later.forEach(customer -> assertThat(a.bean(CustomerAudit.class).verify(customer).consistent()).isTrue());
            Map<String, String> applied = ReadModelTables.fingerprint(jdbc);
            assertThat(ReadModelTables.afterRebuild(a.bean(Projections.class), jdbc)).isEqualTo(applied);

            System.out.printf("[reliability] two instances: %d requests in %d s, answers %s, refusals %s, conflicts retried "
                            + "by clients %s and inside the service %d, %d promises each judged once (sweeps asked by a %d, "
                            + "by b %d), events applied in runs by %s, 0 twice; lag shown for the processor held elsewhere: a %d, b %d%n",
                    tally.sent(), tally.seconds(), tally.answers(), tally.refusals(), tally.conflictsRetried(),
                    conflictsRetriedInside, tally.promises().size(), sweptByA, sweptByB, appliedBy, elsewhereA, elsewhereB);
        } finally {
            if (retriedInside != null) {
                retriedInside.stop();
            }
        }
    }

    private static Instance start(String name, Map<String, Object> database) {
        return Instance.start(name, database, Map.of(
                "promises.valuation.initial-delay", "PT0.5S",
                "promises.valuation.interval", "PT0.5S",
                "axon.eventhandling.processors.customer-summary.token-claim-interval", 500,
                "axon.eventhandling.processors.promise-schedule.token-claim-interval", 500,
                "spring.datasource.hikari.maximum-pool-size", 10), DeliveryLog.class, RacingClock.Wiring.class);
    }

    private static Map<String, String> owners(JdbcTemplate jdbc) {
        Map<String, String> owners = new TreeMap<>();
        jdbc.query("select processorname, owner from tokenentry", row -> {
            owners.put(row.getString(1), row.getString(2));
        });
        return owners;
    }

    private static String owner(JdbcTemplate jdbc, String processor) {
        return owners(jdbc).get(processor);
    }

    /** Kept, partly kept or broken events per customer/promise, read from the event store itself. */
    private static Map<String, Integer> valuationsPerPromise(JdbcTemplate jdbc) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("""
                select aggregateidentifier, convert_from(payload, 'UTF8')::json ->> 'promiseId', payloadtype
                from domainevententry where payloadtype like '%.Promise%'""", row -> {
            String type = row.getString(3).substring(row.getString(3).lastIndexOf('.') + 1);
            if (VALUATIONS.contains(type)) {
                counts.merge(row.getString(1) + "/" + row.getString(2), 1, Integer::sum);
            }
        });
        return counts;
    }

    private static List<String> storedPromises(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select aggregateidentifier || '/' || (convert_from(payload, 'UTF8')::json ->> 'promiseId')
                from domainevententry where payloadtype like '%.PromiseMade'""", String.class);
    }

    private static long eventCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private static long valuationsAsked(Instance instance) {
        var timer = instance.bean(MeterRegistry.class).find("promises.commands").tag("command", "ValuePromise")
                .tag("outcome", "accepted").timer();
        return timer == null ? 0 : timer.count();
    }

    private static long lag(Instance instance, String processor) {
        for (JsonNode row : get(instance, "/api/v1/admin/projections", ADMIN).path("processors")) {
            if (row.path("name").asText().equals(processor)) {
                return row.path("lag").asLong();
            }
        }
        throw new AssertionError(processor + " not in /admin/projections");
    }

    private static JsonNode get(Instance instance, String path) {
        return get(instance, path, AUDITOR);
    }

    private static JsonNode get(Instance instance, String path, Api.User user) {
        var answer = instance.api().as(user).get(path);
        assertThat(answer.status()).as(instance.name() + " " + path + ": " + answer).isEqualTo(200);
        return answer.json();
    }

    /** Counts the commands the service sent again itself after a conflict on a customer's event stream (its debug log). */
    private static final class ConflictsRetriedInside extends AppenderBase<ILoggingEvent> {

        private final Logger logger = (Logger) LoggerFactory.getLogger(CommandDispatcher.class);
        private final Level level = logger.getLevel();
        private final AtomicInteger retried = new AtomicInteger();

        static ConflictsRetriedInside count() {
            var appender = new ConflictsRetriedInside();
            appender.start();
            appender.logger.addAppender(appender);
            appender.logger.setLevel(Level.DEBUG);
            return appender;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getMessage().startsWith("Concurrent change")) {
                retried.incrementAndGet();
            }
        }

        int total() {
            return retried.get();
        }

        @Override
        public void stop() {
            logger.detachAppender(this);
            logger.setLevel(level);
            super.stop();
        }
    }
}
