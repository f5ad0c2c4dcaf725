package com.promises.projections.audit;

import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.Reason;
import com.promises.core.scoring.Band;
import com.promises.core.scoring.ScoringPolicySwitched;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A customer as they stood on past dates: from the events recorded by then, judged on that business date. */
class PastStandingTest {

    private static final LocalDate DUE = LocalDate.of(2026, 5, 10);
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static PastStanding past;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        past = new PastStanding(feed.history(), Projectors.replay(feed.jdbc()),
                new BusinessCalendar(ZoneId.of("UTC")),
                new PolicyTimeline(feed.history(), ScoringPolicies.v1(), feed.transactions()));
        PromiseMade promise = customer.promiseMade("P-1", "500", LocalDate.of(2026, 5, 1), DUE);
        PromiseMade broken = customer.promiseMade("P-2", "80", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 12));
        feed.recordAt(at("2026-05-01T09:00:00Z"), customer.customerId(), customer.registered());
        feed.recordAt(at("2026-05-01T10:00:00Z"), customer.customerId(), promise, broken);
        feed.recordAt(at("2026-05-15T09:00:00Z"), customer.customerId(),
                customer.brokenBecause(broken, Reason.CASH_FLOW, at("2026-05-15T09:00:00Z")));
        feed.recordAt(at("2026-05-20T09:00:00Z"), customer.customerId(), customer.paid("PAY-1", "P-1", "200", LocalDate.of(2026, 5, 20)));
    }

    private static final Events customer = new Events("past-standing");

    @AfterAll
    static void close() {
        feed.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // before the first event: the starting state, in the account's currency
            "2026-04-30T00:00:00Z, CURRENT,  0.00,   0,  CURRENT, 0, ",
            // promises made, the first due within three days
            "2026-05-08T12:00:00Z, DUE_SOON, 0.00,   0,  CURRENT, 2, 2026-05-10",
            // the due date passed two days ago, its window still open
            "2026-05-12T12:00:00Z, IN_GRACE, 500.00, 2,  1-30,    2, 2026-05-12",
            // a moment before the payment of 20 May was recorded, and at that very instant (it counts then)
            "2026-05-20T08:59:59Z, OVERDUE,  580.00, 10, 1-30,    1, ",
            "2026-05-20T09:00:00Z, OVERDUE,  380.00, 10, 1-30,    1, ",
            // the window closed unpaid; the second promise was recorded broken; 200 came on 20 May
            "2026-06-30T12:00:00Z, OVERDUE,  380.00, 51, 31-60,   1, "})
    void theOverdueStatusAsItStood(String asOf, String status, String overdue, long days, String bucket, int open,
                                   LocalDate nextDue) {
        PastStanding.StatusAsOf standing = past.status(customer.customerId(), at(asOf));

        assertThat(standing.businessDate()).isEqualTo(LocalDate.ofInstant(at(asOf), ZoneId.of("UTC")));
        assertThat(standing.overdue().status()).isEqualTo(status);
        assertThat(standing.overdue().overdueAmount().amount()).isEqualByComparingTo(overdue);
        assertThat(standing.overdue().overdueAmount().currency()).isEqualTo("CNY");
        assertThat(standing.overdue().daysOverdue()).isEqualTo(days);
        assertThat(standing.overdue().agingBucket()).isEqualTo(bucket);
        assertThat(standing.overdue().openPromises()).isEqualTo(open);
        assertThat(standing.overdue().nextDueDate()).isEqualTo(nextDue);
    }

    @Test
    void aWeeklySeriesShowsTheBreakFromTheDayItWasRecorded() {
        var series = past.series(customer.customerId(), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31),
                PastStanding.Step.WEEK, null);

        assertThat(series).extracting(PastStanding.Point::date).containsExactly(LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 8), LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 22), LocalDate.of(2026, 5, 29));
        // the prior alone, then one ordinary break: 100 x 2 / (4 + 1) = 40.0
        assertThat(series).extracting(point -> point.score().toPlainString())
                .containsExactly("50.0", "50.0", "40.0", "40.0", "40.0");
        assertThat(series).extracting(PastStanding.Point::band).containsExactly(Band.C, Band.C, Band.D, Band.D, Band.D);
        assertThat(series).extracting(PastStanding.Point::policyVersion).containsOnly("v1");
        assertThat(past.series(customer.customerId(), LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 15),
                PastStanding.Step.MONTH, "v2")).singleElement().satisfies(point -> {
            assertThat(point.policyVersion()).isEqualTo("v2");
            assertThat(point.score()).isEqualByComparingTo("40.0");
        });
    }

    @Test
    void aPointCountsWhatWasRecordedBeforeItsDayEndedUnderThePolicyInForceThen() {
        try (EventFeed switched = new EventFeed(ReadModelDatabase.fresh())) {
            Events customer = new Events("past-switched");
            PromiseMade broken = customer.promiseMade("P-1", "80", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 12));
            PromiseMade kept = customer.promiseMade("P-2", "90", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 25));
            switched.recordAt(at("2026-04-01T00:00:00Z"), ScoringPolicySwitched.STREAM,
                    new ScoringPolicySwitched(null, "v1", "host-a/1", "start-1"));
            switched.recordAt(at("2026-05-01T09:00:00Z"), customer.customerId(), customer.registered(), broken, kept);
            // recorded at the very start of 20 May: it counts for the 20th, not the 19th
            switched.recordAt(at("2026-05-20T00:00:00Z"), customer.customerId(),
                    customer.brokenBecause(broken, Reason.CASH_FLOW, at("2026-05-20T00:00:00Z")));
            switched.recordAt(at("2026-05-24T09:00:00Z"), customer.customerId(),
                    customer.paid("PAY-1", "P-2", "90", LocalDate.of(2026, 5, 24)), customer.kept(kept, LocalDate.of(2026, 5, 24)));
            // v2 from the very end of 22 May: the 22nd is still scored under v1
            switched.recordAt(at("2026-05-23T00:00:00Z"), ScoringPolicySwitched.STREAM,
                    new ScoringPolicySwitched("v1", "v2", "host-a/2", "start-2"));
            PastStanding standing = new PastStanding(switched.history(), Projectors.replay(switched.jdbc()),
                    new BusinessCalendar(ZoneId.of("UTC")), new PolicyTimeline(switched.history(), ScoringPolicies.of("v2"),
                    switched.transactions()));

            var series = standing.series(customer.customerId(), LocalDate.of(2026, 5, 19), LocalDate.of(2026, 5, 24),
                    PastStanding.Step.DAY, null);

            assertThat(series).extracting(PastStanding.Point::date).containsExactly(LocalDate.of(2026, 5, 19),
                    LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 21), LocalDate.of(2026, 5, 22), LocalDate.of(2026, 5, 23),
                    LocalDate.of(2026, 5, 24));
            assertThat(series).extracting(PastStanding.Point::policyVersion).containsExactly("v1", "v1", "v1", "v1", "v2", "v2");
            // a break, then under v2 a kept promise after it: (2 + 0.8 x 0 + 1) / (4 + 0.8 + 1) = 51.7
            assertThat(series).extracting(point -> point.score().toPlainString())
                    .containsExactly("50.0", "40.0", "40.0", "40.0", "40.0", "51.7");
            assertThat(series).extracting(PastStanding.Point::band).containsExactly(Band.C, Band.D, Band.D, Band.D, Band.D, Band.C);
            // asked under v1 throughout, the same kept promise weighs (2 + 0.85 x 0 + 1) / (4 + 0.85 + 1) = 51.3
            assertThat(standing.series(customer.customerId(), LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 24),
                    PastStanding.Step.DAY, "v1")).singleElement().satisfies(point -> {
                assertThat(point.policyVersion()).isEqualTo("v1");
                assertThat(point.score()).isEqualByComparingTo("51.3");
            });
            assertThatThrownBy(() -> standing.series(customer.customerId(), LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 24),
                    PastStanding.Step.DAY, "v9")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSeriesOfAThousandPointsIsAnsweredWithTheScoreMovingOnlyWithTheHistory() {
        var series = past.series(customer.customerId(), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1).plusDays(999),
                PastStanding.Step.DAY, null);

        assertThat(series).hasSize(PastStanding.MAX_POINTS);
        assertThat(series.get(13).score()).isEqualByComparingTo("50.0"); // 14 May
        assertThat(series.get(14).score()).isEqualByComparingTo("40.0"); // 15 May: the break recorded
        assertThat(series.get(999).date()).isEqualTo(LocalDate.of(2029, 1, 24)); // 1 May 2026 + 999 days
        assertThat(series.get(999).score()).isEqualByComparingTo("40.0");
        assertThat(past.series(customer.customerId(), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 31), PastStanding.Step.MONTH,
                null)).extracting(PastStanding.Point::date).containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 3, 31));
    }

    @ParameterizedTest(name = "{0} to {1} by {2}: {3}")
    @CsvSource({
            "2026-01-01, 2026-12-31, DAY,   365",
            "2026-01-01, 2026-01-01, DAY,   1",
            "2026-01-31, 2026-03-30, MONTH, 2",
            "2026-01-01, 2026-01-14, WEEK,  2",
            "2026-02-01, 2026-01-01, DAY,   0",
            "2026-01-01, 2026-01-08, WEEK,  2",
            "2026-01-01, 2026-01-07, WEEK,  1",
            "2026-01-31, 2026-02-28, MONTH, 1",
            "2026-01-31, 2026-03-31, MONTH, 3",
            "2000-01-01, 2026-01-01, DAY,   9498"})
    void howManyPointsASeriesHas(LocalDate from, LocalDate to, PastStanding.Step step, long points) {
        assertThat(PastStanding.points(from, to, step)).isEqualTo(points);
    }

    @Test
    void aSeriesOfMoreThanAThousandPointsOrOfAnUnknownCustomerIsRefused() {
        assertThatThrownBy(() -> past.series(customer.customerId(), LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1),
                PastStanding.Step.DAY, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> past.series("nobody", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2),
                PastStanding.Step.DAY, null)).isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> past.status("nobody", Instant.now())).isInstanceOf(CustomerNotFoundException.class);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
