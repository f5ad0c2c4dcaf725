package com.promises.core.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy's habitual-breaker window holds 1 to 31 outcomes (RecentOutcomes keeps them as bits of an int). */
class PolicyLimitsTest {

    private static final Bands BANDS = new Bands(new BigDecimal("85"), new BigDecimal("70"), new BigDecimal("50"));

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 31})
    void aWindowOfOneToThirtyOneOutcomesIsAccepted(int window) {
        assertThat(policy(window).habitualWindow()).isEqualTo(window);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 32, 64})
    void anyOtherWindowIsRefused(int window) {
        assertThatThrownBy(() -> policy(window)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the habitual-breaker window must hold 1 to 31 outcomes");
    }

    private static RecencyWeightedPolicy policy(int window) {
        return new RecencyWeightedPolicy("test", new Credits(1.0, 0.9, 0.8, 0.0, 0.6, 0.3), 0.85, 2.0, 2, 2, BANDS, 3, window);
    }
}
