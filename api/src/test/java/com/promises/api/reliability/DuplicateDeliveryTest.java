package com.promises.api.reliability;

import com.promises.core.money.Money;
import com.promises.core.payment.RecordPayment;
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
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event a read model's processor receives a second time changes nothing: after its token is moved back, and after
 * a crash between handling a batch and committing it with its token. Each read-model table is fingerprinted.
 */
class DuplicateDeliveryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Instance service;
    private static JdbcTemplate jdbc;
    private static List<String> customers;

    @BeforeAll
    static void startWithHistories() {
        service = Instance.start("single", TestDatabase.freshDatabase(), Map.of(
                "promises.clock.fixed", "2026-06-15T09:00:00Z",
                "promises.valuation.initial-delay", "PT1H",
                "spring.datasource.hikari.maximum-pool-size", 8), DeliveryLog.class);
        jdbc = service.jdbc();
        customers = new Histories(service.bean(CommandGateway.class), TODAY).write("dup", RunSize.pick(30, 300));
        awaitEveryEventApplied();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aTokenMovedBackKEventsLeavesEveryReadModelTableUnchanged() {
        int k = RunSize.pick(150, 2_000);
        Map<String, String> before = ReadModelTables.fingerprint(jdbc);
        Map<String, Long> redeliveredBefore = DeliveryLog.redeliveries(jdbc);
        long from = jdbc.queryForObject("select globalindex from domainevententry order by globalindex desc offset ? limit 1",
                Long.class, k);

        for (String processor : DeliveryLog.PROCESSORS) {
            moveTokenBack(service.processor(processor), processor, from);
        }
        Await.until("the last " + k + " events applied again", PATIENCE, () -> DeliveryLog.PROCESSORS.stream().allMatch(p ->
                DeliveryLog.redeliveries(jdbc).getOrDefault(p, 0L) == redeliveredBefore.getOrDefault(p, 0L) + k),
                () -> DeliveryLog.redeliveries(jdbc));

        assertThat(ReadModelTables.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void aCrashBetweenHandlingABatchAndCommittingItLeavesNoTrace() {
        String customer = "crash-1";
        Histories histories = new Histories(service.bean(CommandGateway.class), TODAY);
        histories.begin(customer, 0);
        awaitEveryEventApplied();
        Map<String, Long> redeliveredBefore = DeliveryLog.redeliveries(jdbc);

        failEachProcessorsNextCommit();
        long crashedAt = System.nanoTime();
        try {
            histories.send(new RecordPayment(customer, "PAY-crash", Money.of("1700", "CNY"), TODAY, null)); // P1 and P2 kept
            awaitEveryEventApplied();
        } finally {
            jdbc.execute("drop trigger test_crash_at_commit on tokenentry");
        }
        long recoveredIn = Duration.ofNanos(System.nanoTime() - crashedAt).toSeconds();

        for (String processor : DeliveryLog.PROCESSORS) {
            assertThat(jdbc.queryForObject("select last_value from test_crash_" + processor.replace('-', '_'), Long.class))
                    .as("commits of %s tried: the one that failed and those after it", processor).isGreaterThanOrEqualTo(2L);
        }
        assertThat(DeliveryLog.redeliveries(jdbc)).as("events applied twice").isEqualTo(redeliveredBefore);
        assertThat(jdbc.queryForObject("select count(*) from deadletterentry", Long.class)).as("dead letters").isZero();
        assertThat(service.bean(CustomerAudit.class).verify(customer).consistent()).isTrue();
        Map<String, String> afterCrash = ReadModelTables.fingerprint(jdbc);
        assertThat(ReadModelTables.afterRebuild(service.bean(Projections.class), jdbc)).isEqualTo(afterCrash);
        System.out.printf("[reliability] crash before a read-model commit: %d events, one commit of each processor failed, "
                        + "applied again within %d s, 0 applied twice, tables equal to a rebuild's%n",
                jdbc.queryForObject("select count(*) from domainevententry", Long.class), recoveredIn);
    }

    /**
     * The next commit of each read-model processor that moves its token fails at the commit itself, after its
     * handlers ran and its rows and token were written: what the database sees when the service dies at that moment.
     * Counted by sequences, which a rollback does not undo: the first commit fails, the later ones go through.
     */
    private static void failEachProcessorsNextCommit() {
        for (String processor : DeliveryLog.PROCESSORS) {
            jdbc.execute("create sequence test_crash_" + processor.replace('-', '_'));
        }
        jdbc.execute("""
                create function test_crash_at_commit() returns trigger language plpgsql as $$
                begin
                    if nextval(('test_crash_' || replace(new.processorname, '-', '_'))::regclass) = 1 then
                        raise exception 'the service stopped before this commit';
                    end if;
                    return null;
                end $$""");
        jdbc.execute("""
                create constraint trigger test_crash_at_commit after update on tokenentry deferrable initially deferred
                for each row when (old.token is distinct from new.token) execute function test_crash_at_commit()""");
    }

    /** Stops the processor, stores a token just after event {@code from}, and starts it again: later events come again. */
    private static void moveTokenBack(StreamingEventProcessor processor, String name, long from) {
        processor.shutDown();
        TokenStore tokens = service.bean(TokenStore.class);
        service.bean(TransactionManager.class).executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(name)) {
                var current = (GapAwareTrackingToken) tokens.fetchToken(name, segment);
                tokens.storeToken(GapAwareTrackingToken.newInstance(from, current.getGaps().headSet(from)), name, segment);
                tokens.releaseClaim(name, segment);
            }
        });
        processor.start();
    }

    private static void awaitEveryEventApplied() {
        Await.until("every event applied by every read model", PATIENCE, () -> DeliveryLog.complete(jdbc),
                () -> DeliveryLog.undelivered(jdbc));
    }
}
