package com.promises.core.scoring;

import com.promises.core.money.Money;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.RejudgedBecause;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A break judged again as kept earns what a keeping earns: 1.0 on time, 0.9 within grace. */
class RejudgedCreditsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);
    private static final Instant AT = Instant.parse("2026-06-15T09:00:00Z");

    @ParameterizedTest(name = "on time {0}: {1}")
    @CsvSource({"true, 60.0", "false, 58.0"})
    void aBreakJudgedAgainAsKept(boolean onTime, String score) {
        var broken = new PromiseBroken("c", "P-1", cny("100"), cny("0"), DUE, DUE.plusDays(3), null, Faith.UNKNOWN, null,
                ValuedBy.SYSTEM, AT);
        var kept = new PromiseRejudged("c", "P-1", cny("100"), cny("100"), null, DUE, DUE.plusDays(3), PromiseState.BROKEN,
                PromiseState.KEPT, onTime ? DUE : DUE.plusDays(2), onTime, RejudgedBecause.BACKDATED_PAYMENT, "PAY-1", AT);

        // 100 x (2 + credit) / (4 + 1)
        assertThat(ReliabilityPolicies.V1.scoreOf(List.of(broken, kept)).score()).isEqualByComparingTo(score);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
