package com.promises.api.reliability;

import com.promises.testing.Api;
import com.promises.testing.Api.User;
import com.promises.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL to the service under concurrent load, again and again, each time restarted; every payment whose answer
 * was lost is sent again with its Idempotency-Key and body. Afterwards every acknowledged payment is stored exactly
 * once, nothing is stored that no answer confirmed, and every customer's read model agrees with a replay of its
 * history. On the embedded default and on an external server. Sizes: {@link FaultSize}.
 */
class CrashUnderLoadTest {

    /** A bound on each client's payments between two kills; the kill comes long before it. */
    private static final int PAYMENTS_PER_CLIENT = 400;
    private static final int ACKNOWLEDGED_BEFORE_EACH_KILL = 40;
    private static final Duration BUDGET = Duration.ofMinutes(1);

    /**
     * Odd kills end the JVM alone, and its watchdog stops the server; even kills take the watchdog too, the server
     * outlives its service, and the next start finds it and stops it.
     */
    @Test
    void everyAcknowledgedPaymentIsStoredOnceAcrossKillsOnTheEmbeddedDefault() {
        Path dataDir = ServiceProcess.freshDirectory("crash-embedded");
        List<ProcessHandle> leftBehind = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.of("crash-embedded", Map.of("promises.data-dir", dataDir))) {
            killAgainAndAgain("crash-embedded", service, kill -> {
                ProcessHandle server = ServiceProcess.embeddedServer(dataDir).orElseThrow();
                if (kill % 2 == 0) {
                    service.killWithWatchdog();
                    assertThat(server.isAlive()).as("the server outlives a service killed with its watchdog").isTrue();
                    leftBehind.add(server);
                } else {
                    service.kill();
                    assertThat(exited(server)).as("the watchdog stops the server of a killed service").isTrue();
                }
            });
            assertThat(leftBehind).as("servers left behind, stopped by the next start").isNotEmpty()
                    .noneMatch(ProcessHandle::isAlive);
        } finally {
            ServiceProcess.stopEmbeddedServer(dataDir);
        }
    }

    @Test
    void everyAcknowledgedPaymentIsStoredOnceAcrossKillsOnAnExternalServer() {
        OwnPostgres own = TestDatabase.isExternal() ? null : OwnPostgres.start("crash-external-db");
        Map<String, Object> database = own == null ? TestDatabase.freshDatabase() : own.settings();
        try (own; ServiceProcess service = ServiceProcess.of("crash-external", database)) {
            killAgainAndAgain("crash-external", service, kill -> service.kill());
        }
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(BUDGET.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (Exception stillRunning) {
            return false;
        }
    }

    private interface Kill {
        void nth(int kill);
    }

    private static void killAgainAndAgain(String run, ServiceProcess service, Kill kill) {
        FaultSize size = FaultSize.current();
        KeyedPayments payments = new KeyedPayments(run, FaultSize.CUSTOMERS);
        service.start().awaitReady();
        payments.registerCustomers(service.api());
        for (int n = 1; n <= size.kills(); n++) {
            int before = payments.acknowledged();
            KeyedPayments.Load load = payments.start(service.api(), FaultSize.CLIENTS, PAYMENTS_PER_CLIENT);
            await(() -> payments.acknowledged() >= before + ACKNOWLEDGED_BEFORE_EACH_KILL || load.finished(), "load");
            ServiceProcess.pause(Duration.ofMillis(ThreadLocalRandom.current().nextInt(300)));
            // The clients start nothing new; the payments under way meet the kill.
            load.stop();
            kill.nth(n);
            load.await();
            service.start().awaitReady();
            payments.retryUnanswered(service.api(), BUDGET);
        }

        KeyedPayments.Check check = payments.checkAgainst(service.api());
        List<String> inconsistent = awaitReadModelsAgreeWithReplay(service.api(), payments.customers());
        System.out.printf("RELIABILITY %s (%s): kills survived %d, payments sent %d, acknowledged %d, answers lost %d, "
                        + "retries %d (replayed %d), 503s %d, events stored %d, duplicates %d, inconsistent read models %d%n",
                run, size.name(), size.kills(), payments.sent(), payments.acknowledged(), payments.lost.get(),
                payments.retried.get(), payments.replayed.get(), payments.unavailable.get(), check.events(),
                check.duplicates().size(), inconsistent.size());

        assertThat(payments.faults()).as("answers other than 201 or a refusal for now").isEmpty();
        assertThat(payments.acknowledged()).as("every payment sent is acknowledged in the end").isEqualTo((int) payments.sent());
        assertThat(check.duplicates()).as("stored twice").isEmpty();
        assertThat(check.storedButNotAcknowledged()).as("stored without an acknowledgement").isEmpty();
        assertThat(check.acknowledgedButMissing()).as("acknowledged but not stored").isEmpty();
        assertThat(check.stored()).isEqualTo(payments.acknowledged());
        assertThat(inconsistent).as("read models that disagree with a replay").isEmpty();
    }

    /** The read models are fed asynchronously: each customer is checked until it agrees, within the budget. */
    static List<String> awaitReadModelsAgreeWithReplay(Api api, List<String> customers) {
        Instant deadline = Instant.now().plus(BUDGET);
        List<String> inconsistent = inconsistent(api, customers);
        while (!inconsistent.isEmpty() && Instant.now().isBefore(deadline)) {
            ServiceProcess.pause(Duration.ofMillis(500));
            inconsistent = inconsistent(api, inconsistent);
        }
        return inconsistent;
    }

    private static List<String> inconsistent(Api api, List<String> customers) {
        return customers.stream()
                .filter(customer -> !api.as(User.AUDITOR).get("/api/v1/customers/" + customer + "/audit/verify")
                        .json().path("consistent").asBoolean())
                .toList();
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(BUDGET);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + BUDGET);
            }
            ServiceProcess.pause(Duration.ofMillis(50));
        }
    }
}
