package com.promises.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Api.User;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops under load and comes back (the test's own PostgreSQL, stopped and started again on the
 * same files and port, given to the service as an external server). Meanwhile commands are refused for now
 * (503 problem+json with Retry-After, never a 500 and never a 201 for something not stored), readiness says
 * DOWN and liveness stays UP; afterwards the service recovers by itself, its read-model processors carry on
 * from where they were, and every acknowledged payment is stored exactly once. Sizes: {@link FaultSize}.
 */
class DatabaseOutageTest {

    private static final int PAYMENTS_PER_CLIENT = 1_000;
    private static final Duration RECOVERY_BUDGET = Duration.ofSeconds(60);

    @Test
    void commandsAreRefusedForNowDuringAnOutageAndTheServiceRecoversWithoutARestart() {
        FaultSize size = FaultSize.current();
        try (OwnPostgres database = OwnPostgres.start("outage-db");
             ServiceProcess service = ServiceProcess.of("outage", database.settings())) {
            Api api = service.start().awaitReady().api();
            KeyedPayments payments = new KeyedPayments("outage", FaultSize.CUSTOMERS);
            payments.registerCustomers(api);
            KeyedPayments.Load load = payments.start(api, FaultSize.CLIENTS, PAYMENTS_PER_CLIENT);
            CrashUnderLoadTest.await(() -> payments.acknowledged() >= 100, "load before the outage");
            long positionBefore = lowestPosition(api);
            Probes probes = Probes.start(api);

            Instant stoppedAt = Instant.now();
            database.stop();
            ServiceProcess.pause(size.outage());
            database.startAgain();
            Instant startedAt = Instant.now();
            CrashUnderLoadTest.await(() -> probes.readyFrom(startedAt) != null
                    && payments.firstAcknowledgedFrom(startedAt) != null, "recovery");
            Instant readyAt = probes.readyFrom(startedAt);
            Instant commandAt = payments.firstAcknowledgedFrom(startedAt);
            load.stop();
            load.await();
            probes.stop();
            payments.retryUnanswered(api, RECOVERY_BUDGET);

            KeyedPayments.Check check = payments.checkAgainst(api);
            List<String> inconsistent = CrashUnderLoadTest.awaitReadModelsAgreeWithReplay(api, payments.customers());
            JsonNode processors = caughtUpProcessors(api);
            System.out.printf("RELIABILITY outage (%s): database down %.1f s, readiness DOWN answers %d, liveness UP %d of %d, "
                            + "ready again %.1f s and first command acknowledged %.1f s after the database, payments sent %d, "
                            + "acknowledged %d, 503s %d, answers lost %d, retries %d (replayed %d), events stored %d, "
                            + "duplicates %d, inconsistent read models %d%n",
                    size.name(), seconds(stoppedAt, startedAt), probes.readinessDown(stoppedAt, startedAt),
                    probes.livenessUp(), probes.liveness.size(), seconds(startedAt, readyAt), seconds(startedAt, commandAt),
                    payments.sent(), payments.acknowledged(), payments.unavailable.get(), payments.lost.get(),
                    payments.retried.get(), payments.replayed.get(), check.events(), check.duplicates().size(), inconsistent.size());

            assertThat(payments.faults()).as("answers other than 201 or a 503 with Retry-After").isEmpty();
            assertThat(payments.unavailable.get()).as("commands refused for now during the outage").isPositive();
            assertThat(probes.readinessDown(stoppedAt, startedAt)).as("readiness DOWN during the outage").isPositive();
            assertThat(probes.livenessUp()).as("liveness UP throughout").isEqualTo(probes.liveness.size()).isPositive();
            assertThat(Duration.between(startedAt, readyAt)).isLessThanOrEqualTo(RECOVERY_BUDGET);
            assertThat(payments.acknowledged()).as("every payment sent is acknowledged in the end").isEqualTo((int) payments.sent());
            assertThat(check.duplicates()).as("stored twice").isEmpty();
            assertThat(check.storedButNotAcknowledged()).as("stored without an acknowledgement").isEmpty();
            assertThat(check.acknowledgedButMissing()).as("acknowledged but not stored").isEmpty();
            assertThat(inconsistent).as("read models that disagree with a replay").isEmpty();
            for (JsonNode processor : processors) {
                assertThat(processor.path("replaying").asBoolean()).as("%s replays from the start", processor).isFalse();
                assertThat(processor.path("deadLetters").asLong()).as("%s parked events", processor).isZero();
                assertThat(processor.path("position").asLong()).as("%s", processor).isGreaterThanOrEqualTo(positionBefore);
            }
        }
    }

    /** Each read-model processor, once it has applied every stored event (within the budget). */
    private static JsonNode caughtUpProcessors(Api api) {
        Instant deadline = Instant.now().plus(RECOVERY_BUDGET);
        while (true) {
            JsonNode status = api.as(User.ADMIN).get("/api/v1/admin/projections").json();
            boolean caughtUp = status.path("processors").size() > 0;
            for (JsonNode processor : status.path("processors")) {
                caughtUp &= processor.path("running").asBoolean() && processor.path("lag").asLong() == 0;
            }
            if (caughtUp || Instant.now().isAfter(deadline)) {
                assertThat(caughtUp).as("processors caught up: %s", status).isTrue();
                return status.path("processors");
            }
            ServiceProcess.pause(Duration.ofMillis(250));
        }
    }

    private static long lowestPosition(Api api) {
        long lowest = Long.MAX_VALUE;
        for (JsonNode processor : api.as(User.ADMIN).get("/api/v1/admin/projections").json().path("processors")) {
            lowest = Math.min(lowest, processor.path("position").asLong());
        }
        return lowest;
    }

    private static double seconds(Instant from, Instant to) {
        return to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
    }

    /** Liveness and readiness, each asked over and over on a thread of its own, as an orchestrator would. */
    private static final class Probes {

        record Probe(Instant askedAt, int status) {
        }

        private final Queue<Probe> liveness = new ConcurrentLinkedQueue<>();
        private final Queue<Probe> readiness = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        static Probes start(Api api) {
            Probes probes = new Probes();
            probes.ask(api, "/actuator/health/liveness", probes.liveness);
            probes.ask(api, "/actuator/health/readiness", probes.readiness);
            return probes;
        }

        private void ask(Api api, String path, Queue<Probe> answers) {
            Thread thread = new Thread(() -> {
                while (!stopped.get()) {
                    Instant askedAt = Instant.now();
                    try {
                        answers.add(new Probe(askedAt, api.anonymous().get(path).status()));
                    } catch (UncheckedIOException noAnswer) {
                        answers.add(new Probe(askedAt, 0));
                    }
                    ServiceProcess.pause(Duration.ofMillis(250));
                }
            }, "probe " + path);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }

        /** When readiness first answered UP to a probe sent at or after {@code from}. */
        Instant readyFrom(Instant from) {
            return readiness.stream().filter(probe -> !probe.askedAt().isBefore(from) && probe.status() == 200)
                    .map(Probe::askedAt).min(Instant::compareTo).orElse(null);
        }

        long readinessDown(Instant from, Instant to) {
            return readiness.stream()
                    .filter(probe -> probe.askedAt().isAfter(from) && probe.askedAt().isBefore(to) && probe.status() == 503)
                    .count();
        }

        long livenessUp() {
            return liveness.stream().filter(probe -> probe.status() == 200).count();
        }

        void stop() {
            stopped.set(true);
            threads.forEach(thread -> {
                try {
                    thread.join(Duration.ofMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
