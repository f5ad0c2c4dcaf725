package com.promises.core.promise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** What is still owed on a promise, by its state and the money paid on it. */
class OwedTest {

    @ParameterizedTest
    @EnumSource(PromiseState.class)
    void onlyOpenKeptPartlyKeptAndBrokenPromisesAreCollectible(PromiseState state) {
        boolean collectible = switch (state) {
            case OPEN, KEPT, PARTIALLY_KEPT, BROKEN -> true;
            default -> false;
        };
        assertThat(Owed.collectible(state)).isEqualTo(collectible);
        assertThat(Owed.isStillOwed(state, new BigDecimal("100"), new BigDecimal("99.99"))).isEqualTo(collectible);
    }

    @ParameterizedTest
    @CsvSource({"100, 0, true, 100", "100, 99.99, true, 0.01", "100, 100, false, 0", "100, 150, false, 0"})
    void owedUntilPaidInFullAndNeverNegative(String amount, String paid, boolean owed, String unpaid) {
        assertThat(Owed.isStillOwed(PromiseState.BROKEN, new BigDecimal(amount), new BigDecimal(paid))).isEqualTo(owed);
        assertThat(Owed.unpaid(new BigDecimal(amount), new BigDecimal(paid))).isEqualByComparingTo(unpaid);
    }
}
