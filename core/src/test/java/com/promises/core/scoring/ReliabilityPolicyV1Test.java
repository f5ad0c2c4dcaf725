package com.promises.core.scoring;

import com.promises.core.money.Money;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.Reason;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic of DOMAIN.md's policy v1 on worked examples an auditor can redo by hand:
 * score = 100 x (2 + sum weight x credit) / (4 + sum weight), older weights x 0.85 per later valued promise.
 */
class ReliabilityPolicyV1Test {

    private static final ReliabilityPolicy V1 = ReliabilityPolicies.byVersion("v1");

    @Test
    void aNewCustomerStartsAtFiftyInBandC() {
        Reliability reliability = V1.scoreOf(List.of());
        assertThat(reliability.score()).isEqualByComparingTo("50.0");
        assertThat(reliability.band()).isEqualTo(Band.C);
        assertThat(reliability.policyVersion()).isEqualTo("v1");
        assertThat(reliability.habitualBreaker()).isFalse();
    }

    @Test
    void onePromiseKeptOnTimeIsSixty() {
        // 100 x (2 + 1) / (4 + 1) = 60.0
        assertThat(score(kept(true))).isEqualByComparingTo("60.0");
    }

    @Test
    void keptBrokenKeptDecaysTheOlderOnes() {
        // sum w*c = 1 x 0.85^2 + 0 + 1 = 1.7225; sum w = 0.7225 + 0.85 + 1 = 2.5725
        // 100 x 3.7225 / 6.5725 = 56.64 -> 56.6
        assertThat(score(kept(true), broken(Reason.CASH_FLOW), kept(true))).isEqualByComparingTo("56.6");
    }

    @Test
    void aRefusalWeighsDoubleAnOrdinaryBreak() {
        // ordinary: 100 x 2 / (4 + 1) = 40.0; refusal: 100 x 2 / (4 + 2) = 33.3
        assertThat(score(broken(Reason.CASH_FLOW))).isEqualByComparingTo("40.0");
        assertThat(score(broken(Reason.REFUSES))).isEqualByComparingTo("33.3");
    }

    @Test
    void recencyDecayOverSixPromisesMakesTheLatestCountMost() {
        // six kept: sum = (1 - 0.85^6) / 0.15 = 4.15234; 100 x 6.15234 / 8.15234 = 75.47 -> 75.5
        assertThat(score(kept(true), kept(true), kept(true), kept(true), kept(true), kept(true)))
                .isEqualByComparingTo("75.5");
        // an old break then five kept (70.0) scores higher than five kept then a fresh break (63.2)
        assertThat(score(broken(Reason.CASH_FLOW), kept(true), kept(true), kept(true), kept(true), kept(true)))
                .isEqualByComparingTo("70.0");
        assertThat(score(kept(true), kept(true), kept(true), kept(true), kept(true), broken(Reason.CASH_FLOW)))
                .isEqualByComparingTo("63.2");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "kept within grace, 0.9, 58.0",     // 100 x 2.9 / 5
            "partially kept 40%, 0.32, 46.4",   // 0.8 x 0.4 = 0.32; 100 x 2.32 / 5
            "renegotiated before due, 0.6, 52.0",
            "renegotiated after due, 0.3, 46.0"})
    void eachOutcomeEarnsItsCredit(String outcome, String credit, String expected) {
        Object event = switch (outcome) {
            case "kept within grace" -> kept(false);
            case "partially kept 40%" -> partiallyKept("0.4");
            case "renegotiated before due" -> renegotiated(true);
            default -> renegotiated(false);
        };
        assertThat(score(event)).isEqualByComparingTo(expected);
    }

    @Test
    void aCancelledPromiseCarriesNoWeightAndDecaysNothing() {
        assertThat(score(new PromiseCancelled("c", "p", cny("1"), cny("0"), DAY, null, DAY, AT))).isEqualByComparingTo("50.0");
        assertThat(score(kept(true), new PromiseCancelled("c", "p", cny("1"), cny("0"), DAY, null, DAY, AT)))
                .isEqualByComparingTo("60.0");
    }

    @Test
    void threeBrokenAmongTheLastFiveValuedMarkAHabitualBreaker() {
        List<Object> history = new ArrayList<>(List.of(kept(true), kept(true), broken(Reason.CASH_FLOW), broken(Reason.CASH_FLOW)));
        assertThat(V1.scoreOf(history).habitualBreaker()).isFalse();
        history.add(broken(Reason.OTHER));
        assertThat(V1.scoreOf(history).habitualBreaker()).isTrue();
        history.add(kept(true));
        history.add(kept(true));
        assertThat(V1.scoreOf(history).habitualBreaker()).isTrue(); // B B B K K
        history.add(kept(true));
        assertThat(V1.scoreOf(history).habitualBreaker()).isFalse(); // B B K K K
    }

    @Test
    void outcomesAreCounted() {
        Reliability reliability = V1.scoreOf(List.of(kept(true), kept(false), partiallyKept("0.5"),
                broken(Reason.REFUSES), renegotiated(true)));
        assertThat(List.of(reliability.kept(), reliability.partiallyKept(), reliability.broken(), reliability.renegotiated()))
                .containsExactly(2, 1, 1, 1);
    }

    @ParameterizedTest
    @CsvSource({"85.0, A", "84.9, B", "70.0, B", "69.9, C", "50.0, C", "49.9, D", "0.0, D", "100.0, A"})
    void bandsStartAtEightyFiveSeventyAndFifty(String score, Band band) {
        assertThat(ReliabilityPolicies.V1.bands().of(new BigDecimal(score))).isEqualTo(band);
    }

    @Test
    void versionTwoIsAnotherPolicyBesideTheFirst() {
        // v2: renegotiated after due earns 0.2 -> 100 x 2.2 / 5 = 44.0; decay 0.80 -> kept, broken, kept = 56.5
        ReliabilityPolicy v2 = ReliabilityPolicies.byVersion("v2");
        assertThat(v2.scoreOf(List.of(renegotiated(false))).score()).isEqualByComparingTo("44.0");
        assertThat(v2.scoreOf(List.of(kept(true), broken(Reason.CASH_FLOW), kept(true))).score()).isEqualByComparingTo("56.5");
        assertThat(v2.scoreOf(List.of()).policyVersion()).isEqualTo("v2");
        assertThat(ReliabilityPolicies.versions()).containsExactly("v1", "v2");
    }

    @Test
    void anUnknownVersionIsNamedInTheError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReliabilityPolicies.byVersion("v9"))
                .hasMessageContaining("v9").hasMessageContaining("v1");
    }

    // ---- a small vocabulary of valued promises ----

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    private static BigDecimal score(Object... events) {
        return V1.scoreOf(List.of(events)).score();
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static PromiseKept kept(boolean onTime) {
        return new PromiseKept("c", "p", cny("100"), cny("100"), DAY, DAY.plusDays(3), DAY, onTime, ValuedBy.SYSTEM, AT);
    }

    private static PromiseBroken broken(Reason reason) {
        return new PromiseBroken("c", "p", cny("100"), cny("0"), DAY, DAY.plusDays(3), reason, reason.faith(), null,
                ValuedBy.COLLECTOR, AT);
    }

    private static PromisePartiallyKept partiallyKept(String fraction) {
        return new PromisePartiallyKept("c", "p", cny("100"), cny("40"), new BigDecimal(fraction), DAY, DAY.plusDays(3),
                ValuedBy.SYSTEM, AT);
    }

    private static PromiseRenegotiated renegotiated(boolean beforeDue) {
        return new PromiseRenegotiated("c", "p", cny("100"), cny("0"), DAY, "p2", cny("100"), DAY.plusDays(10), 2,
                beforeDue, null, null, DAY, AT);
    }
}
