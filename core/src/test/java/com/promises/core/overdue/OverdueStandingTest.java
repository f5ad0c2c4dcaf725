package com.promises.core.overdue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How late a customer is, as a table: the aging buckets at each of their edges, every status with the edges that
 * separate it from its neighbours, and the amount, days and next due date the standing reports.
 */
class OverdueStandingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final int GRACE = 3;

    @ParameterizedTest(name = "{0} days overdue: {1}")
    @CsvSource({
            "-5, CURRENT, CURRENT",
            "0, CURRENT, CURRENT",
            "1, DAYS_1_30, 1-30",
            "30, DAYS_1_30, 1-30",
            "31, DAYS_31_60, 31-60",
            "60, DAYS_31_60, 31-60",
            "61, DAYS_61_90, 61-90",
            "90, DAYS_61_90, 61-90",
            "91, OVER_90, 90+",
            "400, OVER_90, 90+"})
    void theAgingBucketOfSoManyDays(long days, AgingBucket bucket, String label) {
        assertThat(AgingBucket.of(days)).isEqualTo(bucket);
        assertThat(AgingBucket.of(days).label()).isEqualTo(label);
    }

    /** One promise of 1,000 owed in full, due so many days before today (negative: after), three grace days. */
    @ParameterizedTest(name = "due {0} days ago: {1}, {2} days, {3}")
    @CsvSource({
            "0, DUE_SOON, 0, CURRENT",
            "1, IN_GRACE, 1, DAYS_1_30",
            "3, IN_GRACE, 3, DAYS_1_30",
            "4, OVERDUE, 4, DAYS_1_30",
            "30, OVERDUE, 30, DAYS_1_30",
            "31, OVERDUE, 31, DAYS_31_60",
            "60, OVERDUE, 60, DAYS_31_60",
            "61, OVERDUE, 61, DAYS_61_90",
            "90, OVERDUE, 90, DAYS_61_90",
            "91, OVERDUE, 91, OVER_90"})
    void oneUnpaidPromiseDueSoManyDaysAgo(int daysAgo, OverdueStatus status, long days, AgingBucket bucket) {
        LocalDate due = TODAY.minusDays(daysAgo);
        OverdueStanding standing = OverdueStanding.of(List.of(owed("1000", due)), 0, TODAY);

        assertThat(standing.status()).isEqualTo(status);
        assertThat(standing.daysOverdue()).isEqualTo(days);
        assertThat(standing.agingBucket()).isEqualTo(bucket);
        assertThat(standing.overdueAmount()).isEqualByComparingTo(daysAgo == 0 ? "0" : "1000");
        assertThat(standing.nextDueDate()).isEqualTo(daysAgo == 0 ? TODAY : null);
    }

    @ParameterizedTest(name = "due in {0} days: {1}")
    @CsvSource({"0, DUE_SOON", "1, DUE_SOON", "3, DUE_SOON", "4, CURRENT", "30, CURRENT"})
    void aPromiseNotYetDueIsDueSoonOnlyWithinThreeDays(int dueIn, OverdueStatus status) {
        OverdueStanding standing = OverdueStanding.of(List.of(owed("500", TODAY.plusDays(dueIn))), 0, TODAY);

        assertThat(standing.status()).isEqualTo(status);
        assertThat(standing.daysOverdue()).isZero();
        assertThat(standing.agingBucket()).isEqualTo(AgingBucket.CURRENT);
        assertThat(standing.overdueAmount()).isEqualByComparingTo("0");
        assertThat(standing.nextDueDate()).isEqualTo(TODAY.plusDays(dueIn));
    }

    @Test
    void nothingOwedIsCurrent() {
        OverdueStanding standing = OverdueStanding.of(List.of(), 0, TODAY);

        assertThat(standing).isEqualTo(new OverdueStanding(OverdueStatus.CURRENT, BigDecimal.ZERO, 0, AgingBucket.CURRENT, null));
    }

    @Test
    void aDisputeAloneMakesTheCustomerDisputedEvenWithAPromiseDueSoon() {
        assertThat(OverdueStanding.of(List.of(), 1, TODAY).status()).isEqualTo(OverdueStatus.DISPUTED);
        assertThat(OverdueStanding.of(List.of(owed("100", TODAY.plusDays(1))), 2, TODAY).status())
                .isEqualTo(OverdueStatus.DISPUTED);
    }

    @Test
    void aPromisePastItsDueDateOutranksADispute() {
        assertThat(OverdueStanding.of(List.of(owed("100", TODAY.minusDays(1))), 1, TODAY).status())
                .isEqualTo(OverdueStatus.IN_GRACE);
        assertThat(OverdueStanding.of(List.of(owed("100", TODAY.minusDays(10))), 1, TODAY).status())
                .isEqualTo(OverdueStatus.OVERDUE);
    }

    @Test
    void theOldestDueDateCountsTheDaysAndOnlyPassedDueDatesCountTheAmount() {
        List<OwedPromise> owed = List.of(owed("300", TODAY.plusDays(10)), owed("200.50", TODAY.minusDays(45)),
                owed("100", TODAY.minusDays(2)), owed("50", TODAY.plusDays(2)));

        OverdueStanding standing = OverdueStanding.of(owed, 0, TODAY);

        assertThat(standing.status()).isEqualTo(OverdueStatus.OVERDUE);
        assertThat(standing.daysOverdue()).isEqualTo(45);
        assertThat(standing.agingBucket()).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(standing.overdueAmount()).isEqualByComparingTo("300.50");
        assertThat(standing.nextDueDate()).isEqualTo(TODAY.plusDays(2));
    }

    @Test
    void theWindowNotTheDueDateDecidesOverdue() {
        // A longer grace (a window closing a week after the due date) keeps the customer IN_GRACE for longer.
        OwedPromise longGrace = new OwedPromise(new BigDecimal("100"), TODAY.minusDays(5), TODAY.plusDays(2));
        OwedPromise closedYesterday = new OwedPromise(new BigDecimal("100"), TODAY.minusDays(1), TODAY.minusDays(1));

        assertThat(OverdueStanding.of(List.of(longGrace), 0, TODAY).status()).isEqualTo(OverdueStatus.IN_GRACE);
        assertThat(OverdueStanding.of(List.of(closedYesterday), 0, TODAY).status()).isEqualTo(OverdueStatus.OVERDUE);
        assertThat(OverdueStanding.status(null, null, null, 0, TODAY)).isEqualTo(OverdueStatus.CURRENT);
    }

    @Test
    void daysOverdueCountsFromTheOldestDueDate() {
        assertThat(OverdueStanding.daysOverdue(null, TODAY)).isZero();
        assertThat(OverdueStanding.daysOverdue(TODAY, TODAY)).isZero();
        assertThat(OverdueStanding.daysOverdue(TODAY.plusDays(3), TODAY)).isZero();
        assertThat(OverdueStanding.daysOverdue(TODAY.minusDays(1), TODAY)).isEqualTo(1);
        assertThat(OverdueStanding.daysOverdue(TODAY.minusDays(91), TODAY)).isEqualTo(91);
    }

    private static OwedPromise owed(String unpaid, LocalDate due) {
        return new OwedPromise(new BigDecimal(unpaid), due, due.plusDays(GRACE));
    }
}
