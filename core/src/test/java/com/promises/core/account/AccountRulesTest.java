package com.promises.core.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every day count of the rules may be zero (the setting switched off) and none may be negative. */
class AccountRulesTest {

    @ParameterizedTest(name = "day count {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void zeroDaysAreAllowedAndNegativeDaysRefused(int which) {
        assertThat(rules(which, 0).calendar().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> rules(which, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("day counts must not be negative");
    }

    /** The rules with day count number {@code which} (grace, quiet, written horizon, doubtful soon, excuse) set to {@code days}. */
    private static AccountRules rules(int which, int days) {
        int[] counts = {3, 3, 30, 2, 14};
        counts[which] = days;
        return new AccountRules(ZoneId.of("Asia/Shanghai"), counts[0], counts[1], new BigDecimal("50000"), counts[2],
                new BigDecimal("3"), counts[3], new BigDecimal("50"), new BigDecimal("50000"), counts[4]);
    }
}
