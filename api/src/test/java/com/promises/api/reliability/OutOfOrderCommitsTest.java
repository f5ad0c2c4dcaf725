package com.promises.api.reliability;

import com.promises.projections.audit.CustomerAudit;
import com.promises.projections.rebuild.Projections;
import com.promises.testing.Await;
import com.promises.testing.DeliveryLog;
import com.promises.testing.Histories;
import com.promises.testing.Instance;
import com.promises.testing.ReadModelTables;
import com.promises.testing.RunSize;
import com.promises.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event table's global index is taken when a row is inserted, so a slow transaction that appended events and
 * commits late leaves a gap the processors have already passed. Every such event must still reach every read model,
 * once.
 */
class OutOfOrderCommitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void eventsCommittedBelowOnesAlreadyAppliedReachEveryReadModelOnce() throws Exception {
        int slowCount = RunSize.pick(4, 8);
        int fastCount = RunSize.pick(20, 120);
        try (Instance service = Instance.start("single", TestDatabase.freshDatabase(), Map.of(
                "promises.clock.fixed", "2026-06-15T09:00:00Z",
                "promises.valuation.initial-delay", "PT1H"), DeliveryLog.class)) {
            JdbcTemplate jdbc = service.jdbc();
            Histories histories = new Histories(service.bean(CommandGateway.class), TODAY);
            List<String> slow = new ArrayList<>();
            for (int i = 0; i < slowCount; i++) {
                slow.add("slow-" + i);
                histories.begin(slow.get(i), i);
            }
            holdCommitsOfSlowCustomersWhileLocked(jdbc);
            List<String> fast = new ArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(slowCount);
            long heldFor;
            try (Connection locks = service.bean(DataSource.class).getConnection()) {
                slow.forEach(customer -> advisory(locks, "pg_advisory_lock", customer));
                List<Future<?>> slowHistories = new ArrayList<>();
                for (int i = 0; i < slowCount; i++) {
                    int variant = i;
                    slowHistories.add(writers.submit(() -> {
                        histories.judge(slow.get(variant), variant);
                        histories.carryOn(slow.get(variant), variant);
                    }));
                }
                Await.until("every slow transaction holding its events uncommitted", PATIENCE,
                        () -> waitingForTheLocks(jdbc) == slowCount, () -> waitingForTheLocks(jdbc));
                long heldSince = System.nanoTime();

                fast.addAll(histories.write("fast", fastCount));
                Await.until("every committed event applied, past the uncommitted ones", PATIENCE,
                        () -> DeliveryLog.complete(jdbc), () -> DeliveryLog.undelivered(jdbc));
                assertThat(jdbc.queryForObject("select max(globalindex) - count(*) from domainevententry", Long.class))
                        .as("global indexes taken by transactions not yet committed").isGreaterThanOrEqualTo(slowCount);

                for (int i = 0; i < slowCount; i++) { // each slow customer's events commit between newer ones
                    advisory(locks, "pg_advisory_unlock", slow.get(i));
                    fast.addAll(histories.write("between-" + i, 1));
                }
                heldFor = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - heldSince);
                for (Future<?> history : slowHistories) {
                    history.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                }
            } finally {
                writers.shutdownNow();
            }

            Await.until("every event applied by every read model", PATIENCE, () -> DeliveryLog.complete(jdbc),
                    () -> DeliveryLog.undelivered(jdbc));
            long late = DeliveryLog.appliedLate(jdbc);
            assertThat(late).as("events applied after a later one, by the two read models")
                    .isGreaterThanOrEqualTo(2L * slowCount);
            assertThat(DeliveryLog.redeliveries(jdbc)).as("events applied twice").isEmpty();
            CustomerAudit audit = service.bean(CustomerAudit.class);
            Stream.concat(slow.stream(), fast.stream()).forEach(customer ->
                    assertThat(audit.verify(customer).consistent()).as("summary of %s against its history", customer).isTrue());
            Map<String, String> applied = ReadModelTables.fingerprint(jdbc);
            assertThat(ReadModelTables.afterRebuild(service.bean(Projections.class), jdbc)).isEqualTo(applied);

            System.out.printf("[reliability] out-of-order commits: %d events, %d transactions held for %d s, "
                            + "%d events applied after a later one, 0 applied twice, 0 missing%n",
                    jdbc.queryForObject("select count(*) from domainevententry", Long.class), slowCount, heldFor, late);
        }
    }

    /**
     * An event of a customer whose name starts with "slow-" waits, inserted but uncommitted, while the test holds that
     * customer's advisory lock: a transaction slowed down after its insert, as by a slow disk or a long lock wait.
     */
    private static void holdCommitsOfSlowCustomersWhileLocked(JdbcTemplate jdbc) {
        jdbc.execute("""
                create function test_hold_commit() returns trigger language plpgsql as $$
                begin
                    perform pg_advisory_xact_lock_shared(hashtext(new.aggregateidentifier));
                    return null;
                end $$""");
        jdbc.execute("""
                create trigger test_hold_commit after insert on domainevententry for each row
                when (new.aggregateidentifier like 'slow-%') execute function test_hold_commit()""");
    }

    private static long waitingForTheLocks(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted", Long.class);
    }

    private static void advisory(Connection connection, String function, String customer) {
        try (var statement = connection.prepareStatement("select " + function + "(hashtext(?))")) {
            statement.setString(1, customer);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(function + " " + customer, e);
        }
    }
}
