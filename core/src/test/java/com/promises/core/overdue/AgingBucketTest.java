package com.promises.core.overdue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgingBucketTest {

    @Test
    void eachDayOverdueFallsInTheBucketThatNamesIt() {
        assertThat(AgingBucket.of(-3)).isEqualTo(AgingBucket.CURRENT);
        assertThat(AgingBucket.of(0)).isEqualTo(AgingBucket.CURRENT);
        assertThat(AgingBucket.of(1)).isEqualTo(AgingBucket.DAYS_1_30);
        assertThat(AgingBucket.of(30)).isEqualTo(AgingBucket.DAYS_1_30);
        assertThat(AgingBucket.of(31)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(60)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(61)).isEqualTo(AgingBucket.DAYS_61_90);
        assertThat(AgingBucket.of(90)).isEqualTo(AgingBucket.DAYS_61_90);
        assertThat(AgingBucket.of(91)).isEqualTo(AgingBucket.OVER_90);
        assertThat(AgingBucket.of(10_000)).isEqualTo(AgingBucket.OVER_90);
    }

    /** The worklist filters by these bounds in SQL: they must leave no gap and no overlap. */
    @Test
    void theBoundsFollowOneAnotherWithoutGaps() {
        AgingBucket[] buckets = AgingBucket.values();
        assertThat(buckets[0].fewestDays()).isZero();
        for (int i = 1; i < buckets.length; i++) {
            assertThat(buckets[i].fewestDays()).isEqualTo(buckets[i - 1].mostDays() + 1);
            assertThat(AgingBucket.of(buckets[i].fewestDays())).isEqualTo(buckets[i]);
            assertThat(AgingBucket.of(buckets[i - 1].mostDays())).isEqualTo(buckets[i - 1]);
        }
        assertThat(buckets[buckets.length - 1].mostDays()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void labelsNameTheirBuckets() {
        assertThat(AgingBucket.ofLabel("31-60")).contains(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.ofLabel("90+")).contains(AgingBucket.OVER_90);
        assertThat(AgingBucket.ofLabel("32-60")).isEmpty();
    }
}
