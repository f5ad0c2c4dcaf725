package com.promises.api.readmodels;

import com.promises.core.scoring.Band;
import com.promises.core.scoring.ReliabilityPolicies;
import com.promises.core.scoring.ScoreCard;
import com.promises.projections.audit.CustomerAudit;
import com.promises.projections.rebuild.Projections;
import com.promises.projections.summary.CustomerSummaries;
import com.promises.testing.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models are a function of the history: a seeded workload of 2,000 commands over 200 customers,
 * then a rebuild from scratch gives the very same rows, every as-of score matches the score recorded after
 * each event, and verify agrees with every customer until a row is changed behind its back.
 */
@IntegrationTest
@TestPropertySource(properties = "promises.clock.fixed=2026-06-15T09:00:00Z")
class ReadModelsRebuildTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    CommandGateway gateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Projections projections;
    @Autowired
    CustomerAudit audit;
    @Autowired
    CustomerSummaries summaries;

    @Test
    void aRebuildFromTheHistoryGivesTheSameReadModelsAndEveryPastScoreCanBeRederived() {
        List<String> customers = Workload.run(gateway, "rebuild", 200, 2_000, 42L, TODAY);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier like 'rebuild-%'",
                Long.class)).isGreaterThan(2_000L);
        ReadModels.awaitCaughtUp(projections);

        for (String customer : customers) {
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(customer, 0).asStream().toList();
            ScoreCard card = ReliabilityPolicies.V1.start();
            BigDecimal[] recorded = new BigDecimal[events.size()];
            for (int i = 0; i < events.size(); i++) {
                card = card.apply(events.get(i).getPayload());
                recorded[i] = card.reliability().score();
            }
            assertThat(jdbc.queryForObject("select score from customer_summary where customer_id = ?", BigDecimal.class, customer))
                    .as("stored score of %s", customer).isEqualByComparingTo(recorded[events.size() - 1]);
            for (int i = 0; i < events.size(); i++) {
                Instant at = events.get(i).getTimestamp();
                int last = i;
                while (last + 1 < events.size() && !events.get(last + 1).getTimestamp().isAfter(at)) {
                    last++; // events recorded in the same instant all belong to that instant
                }
                var asOf = audit.reliabilityAsOf(customer, at);
                assertThat(asOf.reliability().score()).as("%s as of event %d", customer, i).isEqualByComparingTo(recorded[last]);
                assertThat(asOf.explanation()).hasSize(last + 1);
            }
            assertThat(audit.verify(customer).consistent()).as("verify %s", customer).isTrue();
        }

        // the schedule is compared too: windows, quiet days, outcomes and follow-ups, open and closed
        for (String table : new String[]{"promise_window", "customer_quiet_days", "customer_outcomes", "follow_up"}) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where customer_id like 'rebuild-%'", Long.class))
                    .as(table).isPositive();
        }
        assertThat(jdbc.queryForObject("select count(*) from follow_up where customer_id like 'rebuild-%' and closed_at is not null",
                Long.class)).as("closed follow-ups").isPositive();
        assertTheBandCountsAndTheWorklistTotalMatchTheSummaries();
        String before = ReadModels.hash(jdbc);
        projections.rebuild();
        ReadModels.awaitRebuilt(projections);
        assertThat(projections.status().rebuild().replayBy()).isEqualTo("bulk");
        assertThat(ReadModels.hash(jdbc)).isEqualTo(before);
        assertTheBandCountsAndTheWorklistTotalMatchTheSummaries();

        // the processors carry on from where the replay ended: later events are applied once each
        List<String> later = Workload.run(gateway, "after-rebuild", 10, 100, 43L, TODAY);
        ReadModels.awaitCaughtUp(projections);
        for (String customer : later) {
            assertThat(audit.verify(customer).consistent()).as("verify %s", customer).isTrue();
        }
        assertThat(audit.verify(customers.get(0)).consistent()).isTrue();

        String tampered = customers.get(7);
        jdbc.update("update customer_summary set score = score - 0.1, kept = kept + 1 where customer_id = ?", tampered);
        var verification = audit.verify(tampered);
        assertThat(verification.consistent()).isFalse();
        assertThat(verification.projection().reliability().kept()).isEqualTo(verification.replayed().reliability().kept() + 1);
        assertThat(audit.verify(customers.get(8)).consistent()).isTrue();
    }

    /** The counts the projection moves as customers change band, against a count of the rows themselves. */
    private void assertTheBandCountsAndTheWorklistTotalMatchTheSummaries() {
        var counted = jdbc.queryForList("select band, count(*) as customers from customer_summary group by band order by band");
        assertThat(counted).as("customers in more than one band").hasSizeGreaterThan(1);
        assertThat(jdbc.queryForList("select band, sum(customers)::bigint as customers from customer_band_count group by band"
                + " having sum(customers) <> 0 order by band")).isEqualTo(counted);
        for (var band : counted) {
            assertThat(summaries.worklist(null, Band.valueOf((String) band.get("band")), CustomerSummaries.Sort.SCORE, 0, 1).total())
                    .as("worklist total of band %s", band.get("band")).isEqualTo(band.get("customers"));
        }
        assertThat(summaries.worklist(null, null, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 1).total())
                .isEqualTo(jdbc.queryForObject("select count(*) from customer_summary", Long.class));
    }

}
