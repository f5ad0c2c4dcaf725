package com.promises.projections.summary;

import com.promises.core.overdue.AgingBucket;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.Reason;
import com.promises.core.scoring.Band;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.CustomerNotFoundException;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The collectors' worklist on 15 June: each filter (status, band, aging bucket) and each sort asserted on every row
 * returned, its pages and totals, and how many customers stand in each aging bucket.
 */
class WorklistTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final BusinessCalendar UTC = new BusinessCalendar(ZoneId.of("UTC"));
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static CustomerSummaries summaries;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        summaries = Projectors.summaries(feed, TODAY, UTC);
        owing("w-current", "100", LocalDate.of(2026, 7, 30)); // not yet due
        owing("w-due-soon", "200", LocalDate.of(2026, 6, 17));
        owing("w-grace", "700", LocalDate.of(2026, 6, 13)); // its window closes on the 16th
        owing("w-overdue-40", "400", LocalDate.of(2026, 5, 6));
        owing("w-overdue-100", "50", LocalDate.of(2026, 3, 7));
        Events broken = new Events("w-broken");
        PromiseMade promise = broken.promiseMade("P-1", "300", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 20));
        deliver(broken, broken.registered(), promise, broken.brokenBecause(promise, Reason.CASH_FLOW, Instant.parse("2026-05-24T09:00:00Z")));
        Events disputed = new Events("w-disputed");
        PromiseMade contested = disputed.promiseMade("P-1", "900", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
        deliver(disputed, disputed.registered(), contested, disputed.disputed(contested, LocalDate.of(2026, 5, 2)));
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aStatusFilterListsOnlyCustomersInThatStatusSortedByDaysOverdue() {
        CustomerSummaries.Page overdue = summaries.worklist("OVERDUE", null, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10);

        assertThat(ids(overdue)).containsExactly("w-overdue-100", "w-overdue-40", "w-broken");
        assertThat(overdue.items()).allSatisfy(summary -> assertThat(summary.overdue().status()).isEqualTo("OVERDUE"));
        assertThat(overdue.items()).extracting(summary -> summary.overdue().daysOverdue()).containsExactly(100L, 40L, 26L);
        assertThat(overdue.total()).isEqualTo(3);
        assertThat(ids(summaries.worklist("IN_GRACE", null, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10))).containsExactly("w-grace");
        assertThat(ids(summaries.worklist("DUE_SOON", null, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10))).containsExactly("w-due-soon");
        assertThat(ids(summaries.worklist("DISPUTED", null, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10))).containsExactly("w-disputed");
        assertThat(ids(summaries.worklist("CURRENT", null, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10))).containsExactly("w-current");
    }

    @Test
    void everySortOrdersEveryRow() {
        // the oldest unpaid due date first; a disputed promise is not owed, so its customer has none and comes last
        assertThat(ids(summaries.worklist(null, null, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10))).containsExactly(
                "w-overdue-100", "w-overdue-40", "w-broken", "w-grace", "w-due-soon", "w-current", "w-disputed");
        CustomerSummaries.Page byAmount = summaries.worklist(null, null, CustomerSummaries.Sort.OVERDUE_AMOUNT, 0, 10);
        assertThat(byAmount.items()).extracting(summary -> summary.overdue().overdueAmount().amount().toPlainString())
                .containsExactly("700.00", "400.00", "300.00", "50.00", "0.00", "0.00", "0.00");
        assertThat(ids(byAmount)).containsExactly("w-grace", "w-overdue-40", "w-broken", "w-overdue-100",
                "w-current", "w-disputed", "w-due-soon");
        // the broken promise's customer scores lowest (40.0); the others keep the prior's 50.0, then by id
        assertThat(ids(summaries.worklist(null, null, CustomerSummaries.Sort.SCORE, 0, 10))).containsExactly("w-broken",
                "w-current", "w-disputed", "w-due-soon", "w-grace", "w-overdue-100", "w-overdue-40");
    }

    @Test
    void pagesCutTheSortedListAndTheTotalCountsEveryMatch() {
        CustomerSummaries.Page second = summaries.worklist(null, null, CustomerSummaries.Sort.SCORE, 1, 3);

        assertThat(ids(second)).containsExactly("w-due-soon", "w-grace", "w-overdue-100");
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(7);
        assertThat(ids(summaries.worklist(null, null, CustomerSummaries.Sort.SCORE, 2, 3))).containsExactly("w-overdue-40");
        assertThat(summaries.worklist(null, null, CustomerSummaries.Sort.SCORE, 3, 3).items()).isEmpty();
        assertThat(summaries.worklist("OVERDUE", null, CustomerSummaries.Sort.SCORE, 1, 2).total()).isEqualTo(3);
    }

    @Test
    void aBandFilterListsOnlyThatBandWithItsCount() {
        CustomerSummaries.Page d = summaries.worklist(null, Band.D, CustomerSummaries.Sort.SCORE, 0, 10);
        CustomerSummaries.Page c = summaries.worklist(null, Band.C, CustomerSummaries.Sort.SCORE, 0, 10);

        assertThat(ids(d)).containsExactly("w-broken");
        assertThat(d.total()).isEqualTo(1);
        assertThat(c.items()).hasSize(6).allSatisfy(summary -> assertThat(summary.reliability().band()).isEqualTo(Band.C));
        assertThat(c.total()).isEqualTo(6);
        assertThat(summaries.worklist(null, Band.A, CustomerSummaries.Sort.SCORE, 0, 10).total()).isZero();
        assertThat(ids(summaries.worklist("OVERDUE", Band.C, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10)))
                .containsExactly("w-overdue-100", "w-overdue-40");
    }

    @Test
    void anAgingFilterListsOnlyThatBucketAndTheCountsCoverEveryBucket() {
        CustomerSummaries.Page thirtyToSixty = summaries.worklist(null, null, null, AgingBucket.DAYS_31_60,
                CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10);

        assertThat(ids(thirtyToSixty)).containsExactly("w-overdue-40");
        assertThat(thirtyToSixty.total()).isEqualTo(1);
        assertThat(ids(summaries.worklist(null, null, null, AgingBucket.DAYS_1_30, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10)))
                .containsExactly("w-broken", "w-grace");
        assertThat(ids(summaries.worklist(null, null, null, AgingBucket.OVER_90, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 10)))
                .containsExactly("w-overdue-100");
        // nothing overdue (not yet due, due soon, disputed) is CURRENT
        assertThat(summaries.agingCounts(null, null, null)).isEqualTo(Map.of(
                AgingBucket.CURRENT, 3L, AgingBucket.DAYS_1_30, 2L, AgingBucket.DAYS_31_60, 1L, AgingBucket.DAYS_61_90, 0L,
                AgingBucket.OVER_90, 1L));
        assertThat(summaries.agingCounts("OVERDUE", Band.C, null)).isEqualTo(Map.of(
                AgingBucket.CURRENT, 0L, AgingBucket.DAYS_1_30, 0L, AgingBucket.DAYS_31_60, 1L, AgingBucket.DAYS_61_90, 0L,
                AgingBucket.OVER_90, 1L));
    }

    @Test
    void whileARebuildRunsEveryAnswerSaysSo() {
        CustomerSummaries duringARebuild = Projectors.summaries(feed, TODAY, UTC, () -> true);

        assertThat(duringARebuild.get("w-grace").rebuilding()).isTrue();
        assertThat(duringARebuild.worklist(null, null, CustomerSummaries.Sort.SCORE, 0, 10).items())
                .allSatisfy(summary -> assertThat(summary.rebuilding()).isTrue());
        assertThat(summaries.get("w-grace").rebuilding()).isNull();
        assertThat(summaries.worklist(null, null, CustomerSummaries.Sort.SCORE, 0, 10).items())
                .allSatisfy(summary -> assertThat(summary.rebuilding()).isNull());
    }

    @Test
    void aCustomerIsReadWithTheirPromisesAndAnUnknownOneIsNotFound() {
        CustomerSummary grace = summaries.get("w-grace");

        assertThat(grace.name()).isEqualTo("Customer w-grace");
        assertThat(grace.currency()).isEqualTo("CNY");
        assertThat(grace.overdue().status()).isEqualTo("IN_GRACE");
        assertThat(grace.overdue().daysOverdue()).isEqualTo(2);
        assertThat(grace.overdue().agingBucket()).isEqualTo("1-30");
        assertThat(grace.overdue().overdueAmount().amount()).isEqualByComparingTo("700");
        assertThat(grace.overdue().openPromises()).isEqualTo(1);
        assertThat(grace.promises()).singleElement().satisfies(line -> {
            assertThat(line.promiseId()).isEqualTo("P-1");
            assertThat(line.amount().amount()).isEqualByComparingTo("700");
            assertThat(line.dueDate()).isEqualTo(LocalDate.of(2026, 6, 13));
        });
        assertThatThrownBy(() -> summaries.get("w-nobody")).isInstanceOf(CustomerNotFoundException.class);
    }

    @Test
    void aCustomerWhoseFirstEventCannotBeAppliedIsNotYetInTheReadModel() {
        Events customer = new Events("w-unappliable");
        feed.record(customer.customerId(), customer.registered());
        feed.jdbc().update("update domainevententry set payload = convert_to('{\"name\": [', 'UTF8') where aggregateidentifier = ?",
                customer.customerId());

        assertThatThrownBy(() -> summaries.get(customer.customerId())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not yet in the read model");
    }

    private static void owing(String customerId, String amount, LocalDate due) {
        Events customer = new Events(customerId);
        deliver(customer, customer.registered(), customer.promiseMade("P-1", amount, due.minusDays(20), due));
    }

    private static void deliver(Events customer, Object... events) {
        feed.deliver(feed.record(customer.customerId(), events), Projectors.summary(feed.jdbc()));
    }

    private static List<String> ids(CustomerSummaries.Page page) {
        return page.items().stream().map(CustomerSummary::customerId).toList();
    }
}
