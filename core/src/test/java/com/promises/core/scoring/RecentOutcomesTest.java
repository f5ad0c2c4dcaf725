package com.promises.core.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The habitual-breaker window: the newest outcomes as bits, newest first, and a promise judged again in place. */
class RecentOutcomesTest {

    @Test
    void theOldestOutcomeLeavesOnceTheWindowIsFull() {
        RecentOutcomes outcomes = RecentOutcomes.NONE.after("P-1", true, 3).after("P-2", false, 3).after("P-3", true, 3)
                .after("P-4", false, 3);

        assertThat(outcomes).isEqualTo(new RecentOutcomes(0b010, 3, List.of("P-4", "P-3", "P-2")));
        assertThat(outcomes.brokenCount()).isEqualTo(1);
    }

    @Test
    void aPromiseJudgedAgainKeepsItsPlaceWithItsNewOutcome() {
        RecentOutcomes outcomes = RecentOutcomes.NONE.after("P-1", true, 5).after("P-2", true, 5); // P-2 is bit 0

        assertThat(outcomes.judgedAgain("P-1", false)).isEqualTo(new RecentOutcomes(0b01, 2, List.of("P-2", "P-1")));
        assertThat(outcomes.judgedAgain("P-2", false)).isEqualTo(new RecentOutcomes(0b10, 2, List.of("P-2", "P-1")));
        assertThat(outcomes.judgedAgain("P-2", false).judgedAgain("P-2", true)).isEqualTo(outcomes);
        assertThat(outcomes.judgedAgain("P-9", false)).isSameAs(outcomes);
    }
}
