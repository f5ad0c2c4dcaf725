package com.promises.projections.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.core.scoring.Band;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.CustomerNotFoundException;
import com.promises.projections.summary.Projectors;
import com.promises.projections.summary.ScoringPolicies;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static com.promises.projections.audit.AuditedCustomers.keptThenBroken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an auditor is shown of one customer, from the stored history alone: the events as stored, the score at any
 * instant with each event's part in it, and the read model checked against a fresh replay and the hash chain.
 */
class CustomerAuditTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static CustomerAudit audit;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        audit = new CustomerAudit(feed.history(), new ObjectMapper(),
                new PolicyTimeline(feed.history(), ScoringPolicies.v1(), feed.transactions()),
                Projectors.summaries(feed, TODAY, new BusinessCalendar(ZoneId.of("UTC"))), Projectors.replay(feed.jdbc()));
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void theHistoryIsEveryStoredEventInOrderWithWhoRecordedItAndItsPayload() {
        Events customer = keptThenBroken(feed, "audit-history");

        CustomerAudit.History history = audit.history(customer.customerId());

        assertThat(history.customerId()).isEqualTo("audit-history");
        assertThat(history.events()).extracting(CustomerAudit.HistoryEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(history.events()).extracting(CustomerAudit.HistoryEvent::type).containsExactly("CustomerRegistered",
                "PromiseMade", "PromiseMade", "PaymentRecorded", "PromiseKept", "PromiseBroken");
        assertThat(history.events()).extracting(CustomerAudit.HistoryEvent::recordedAt).containsExactly(
                at("2026-05-01T09:00:00Z"), at("2026-05-01T09:00:00Z"), at("2026-05-01T09:00:00Z"),
                at("2026-05-09T09:00:00Z"), at("2026-05-09T09:00:00Z"), at("2026-05-24T09:00:00Z"));
        assertThat(history.events()).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo("collector");
            assertThat(event.correlationId()).isEqualTo("feed-1");
        });
        assertThat(history.events().get(0).payload().get("name").asText()).isEqualTo("Customer audit-history");
        assertThat(history.events().get(2).payload().get("promiseId").asText()).isEqualTo("P-2");
        assertThat(audit.exists("audit-history")).isTrue();
    }

    @Test
    void aCustomerTheHistoryNeverHeardOfIsNotFound() {
        assertThat(audit.exists("audit-nobody")).isFalse();
        assertThatThrownBy(() -> audit.history("audit-nobody")).isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> audit.reliabilityAsOf("audit-nobody", null)).isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> audit.reliabilityAsOf("audit-nobody", at("2026-05-01T00:00:00Z")))
                .isInstanceOf(CustomerNotFoundException.class);
    }

    @Test
    void theScoreAtAnInstantCountsTheEventsRecordedUpToItAndExplainsEachOne() {
        Events customer = keptThenBroken(feed, "audit-as-of");

        CustomerAudit.ReliabilityAsOf whole = audit.reliabilityAsOf(customer.customerId(), null);
        assertThat(whole.customerId()).isEqualTo("audit-as-of");
        assertThat(whole.asOf()).isNull();
        assertThat(whole.policyVersion()).isEqualTo("v1");
        // (2 + 0.85 x 1.0 + 1 x 0) / (4 + 0.85 + 1) = 48.7
        assertThat(whole.reliability().score()).isEqualByComparingTo("48.7");
        assertThat(whole.reliability().band()).isEqualTo(Band.D);
        assertThat(whole.explanation()).extracting(CustomerAudit.Explanation::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(whole.explanation()).extracting(CustomerAudit.Explanation::type).containsExactly("CustomerRegistered",
                "PromiseMade", "PromiseMade", "PaymentRecorded", "PromiseKept", "PromiseBroken");
        // only the judgements move the score: the kept promise (2 + 1) / (4 + 1) = 60.0, then the break
        assertThat(whole.explanation()).extracting(row -> row.delta().toPlainString())
                .containsExactly("0.0", "0.0", "0.0", "0.0", "10.0", "-11.3");
        assertThat(whole.explanation()).extracting(row -> row.scoreAfter().toPlainString())
                .containsExactly("50.0", "50.0", "50.0", "50.0", "60.0", "48.7");

        // an event recorded at the very instant asked about counts; the break, recorded later, does not
        CustomerAudit.ReliabilityAsOf beforeTheBreak = audit.reliabilityAsOf(customer.customerId(), at("2026-05-09T09:00:00Z"));
        assertThat(beforeTheBreak.asOf()).isEqualTo(at("2026-05-09T09:00:00Z"));
        assertThat(beforeTheBreak.reliability().score()).isEqualByComparingTo("60.0");
        assertThat(beforeTheBreak.explanation()).extracting(CustomerAudit.Explanation::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);

        CustomerAudit.ReliabilityAsOf aMomentBefore = audit.reliabilityAsOf(customer.customerId(), at("2026-05-09T08:59:59Z"));
        assertThat(aMomentBefore.reliability().score()).isEqualByComparingTo("50.0");
        assertThat(aMomentBefore.explanation()).hasSize(3);

        // before anything was recorded: the prior alone, and no explanation
        CustomerAudit.ReliabilityAsOf beforeAll = audit.reliabilityAsOf(customer.customerId(), at("2026-04-01T00:00:00Z"));
        assertThat(beforeAll.reliability().score()).isEqualByComparingTo("50.0");
        assertThat(beforeAll.explanation()).isEmpty();
    }

    @Test
    void theScoreCanBeAskedUnderAnotherPolicy() {
        Events customer = keptThenBroken(feed, "audit-policy");

        CustomerAudit.ReliabilityAsOf v2 = audit.reliabilityAsOf(customer.customerId(), null, "v2");

        assertThat(v2.policyVersion()).isEqualTo("v2");
        assertThat(v2.reliability().policyVersion()).isEqualTo("v2");
        // older promises fade to 0.80 under v2: (2 + 0.8 x 1.0) / (4 + 0.8 + 1) = 48.3
        assertThat(v2.reliability().score()).isEqualByComparingTo("48.3");
        assertThatThrownBy(() -> audit.reliabilityAsOf(customer.customerId(), null, "v9"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReadModelInStepWithTheHistoryVerifies() {
        Events customer = keptThenBroken(feed, "audit-verified");
        feed.deliver(feed.history().events(customer.customerId(), 0), Projectors.summary(feed.jdbc()));

        CustomerAudit.Verification verification = audit.verify(customer.customerId());

        assertThat(verification.consistent()).isTrue();
        assertThat(verification.chainIntact()).isTrue();
        assertThat(verification.firstBadSequence()).isNull();
        assertThat(verification.replayed().reliability().score()).isEqualByComparingTo("48.7");
        assertThat(verification.projection().reliability().score()).isEqualByComparingTo("48.7");
        assertThat(verification.replayed().promises()).hasSize(2);
    }

    @Test
    void aReadModelRowChangedBehindTheProjectionsBackIsCaught() {
        Events customer = keptThenBroken(feed, "audit-drifted");
        feed.deliver(feed.history().events(customer.customerId(), 0), Projectors.summary(feed.jdbc()));
        feed.jdbc().update("update customer_summary set score = 90.0, band = 'A' where customer_id = ?", customer.customerId());

        CustomerAudit.Verification verification = audit.verify(customer.customerId());

        assertThat(verification.consistent()).isFalse();
        assertThat(verification.projection().reliability().score()).isEqualByComparingTo("90.0");
        assertThat(verification.replayed().reliability().score()).isEqualByComparingTo("48.7");
        assertThat(verification.chainIntact()).isTrue(); // the history itself is untouched
        assertThat(verification.firstBadSequence()).isNull();
    }

    @Test
    void anEventEditedInTheStoreIsNamedByItsSequence() {
        Events customer = keptThenBroken(feed, "audit-edited");
        feed.deliver(feed.history().events(customer.customerId(), 0), Projectors.summary(feed.jdbc()));
        // the payment made larger: still readable, so the replay is made, but the chain no longer holds from there
        feed.jdbc().update("""
                update domainevententry set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'PAY-1', 'PAY-9'), 'UTF8')
                where aggregateidentifier = ? and sequencenumber = 3""", customer.customerId());

        CustomerAudit.Verification verification = audit.verify(customer.customerId());

        assertThat(verification.chainIntact()).isFalse();
        assertThat(verification.firstBadSequence()).isEqualTo(3L);
        assertThat(verification.replayed()).isNotNull();
    }

    @Test
    void anEventThatCannotBeReadIsNamedAndNothingIsReplayed() {
        Events customer = keptThenBroken(feed, "audit-unreadable");
        feed.deliver(feed.history().events(customer.customerId(), 0), Projectors.summary(feed.jdbc()));
        feed.jdbc().update("update domainevententry set payload = convert_to('not json', 'UTF8') "
                + "where aggregateidentifier = ? and sequencenumber = 4", customer.customerId());

        CustomerAudit.Verification verification = audit.verify(customer.customerId());

        assertThat(verification.consistent()).isFalse();
        assertThat(verification.replayed()).isNull();
        assertThat(verification.projection().reliability().score()).isEqualByComparingTo("48.7");
        assertThat(verification.chainIntact()).isFalse();
        assertThat(verification.firstBadSequence()).isEqualTo(4L);
    }

    @Test
    void aTypeNameIsShownWithoutItsPackage() {
        assertThat(CustomerAudit.simpleName("com.promises.core.promise.PromiseMade")).isEqualTo("PromiseMade");
        assertThat(CustomerAudit.simpleName("Unpackaged")).isEqualTo("Unpackaged");
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
