package com.promises.core.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.promises.core.money.Money;
import com.promises.core.promise.Faith;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RejudgedBecause;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Corrections of earlier valued promises (DOMAIN.md rules 4, 7 and 9): a later explanation, an excuse, a judgement
 * again. Each replaces that promise's part of the score where it stands, so the card ends where a history that had the
 * corrected facts from the start would be; a history without corrections adds up exactly as before.
 */
class CorrectedScoresTest {

    private static final RecencyWeightedPolicy V1 = ReliabilityPolicies.V1;

    @Test
    void aRefusalGivenAfterTheClockJudgedABreakWeighsItDoubleWhereItStands() {
        // kept, broken (by the clock), kept; later the break is explained as a refusal
        WeightedScoreCard explained = fold(kept("P-1", true), broken("P-2", null), kept("P-3", true),
                explanation("P-2", Reason.REFUSES));
        WeightedScoreCard refusedFromTheStart = fold(kept("P-1", true), broken("P-2", Reason.REFUSES), kept("P-3", true));

        // 100 x (2 + 0.7225 + 1) / (4 + 0.7225 + 2 x 0.85 + 1) = 50.2, against 56.6 before the explanation
        assertThat(explained.score()).isEqualByComparingTo("50.2");
        assertThat(fold(kept("P-1", true), broken("P-2", null), kept("P-3", true)).score()).isEqualByComparingTo("56.6");
        assertSameSums(explained, refusedFromTheStart);
    }

    @Test
    void aLaterExplanationReplacesTheEarlierOne() {
        WeightedScoreCard changedMind = fold(kept("P-1", true), broken("P-2", Reason.REFUSES),
                explanation("P-2", Reason.CASH_FLOW));

        assertSameSums(changedMind, fold(kept("P-1", true), broken("P-2", Reason.CASH_FLOW)));
    }

    @Test
    void anExcusedPromiseCarriesNoWeightAndKeepsItsPlace() {
        WeightedScoreCard excused = fold(kept("P-1", true), broken("P-2", Reason.REFUSES), kept("P-3", true),
                excuse("P-2"));

        // the break weighs nothing; P-1 still decays twice: 100 x (2 + 0.7225 + 1) / (4 + 0.7225 + 1) = 65.1
        assertThat(excused.score()).isEqualByComparingTo("65.1");
        assertThat(excused.totalWeight()).isCloseTo(0.7225 + 1, within(1e-12));
        assertThat(excused.habitualBreaker()).isFalse();
        assertThat(excused.reliability().broken()).isEqualTo(1); // still judged broken, as usual
    }

    @Test
    void aJudgementAgainReplacesTheOldOneInTheScoreAndTheCounts() {
        WeightedScoreCard rejudged = fold(kept("P-1", true), kept("P-2", true), kept("P-3", false),
                rejudged("P-1", PromiseState.BROKEN, null, false), rejudged("P-3", PromiseState.PARTIALLY_KEPT, "0.5", false));
        WeightedScoreCard asIfSoFromTheStart = fold(broken("P-1", null), kept("P-2", true), partiallyKept("P-3", "0.5"));

        assertSameSums(rejudged, asIfSoFromTheStart);
        assertThat(List.of(rejudged.kept(), rejudged.partiallyKept(), rejudged.broken())).containsExactly(1, 1, 1);
    }

    @Test
    void aRefusalStaysWithAPromiseJudgedBrokenAgain() {
        WeightedScoreCard card = fold(broken("P-1", Reason.REFUSES), kept("P-2", true),
                rejudged("P-1", PromiseState.KEPT, null, false), rejudged("P-1", PromiseState.BROKEN, null, false));

        assertSameSums(card, fold(broken("P-1", Reason.REFUSES), kept("P-2", true)));
    }

    @Test
    void aWithdrawnJudgementWeighsNothingAndTheNextJudgementIsValuedAsNew() {
        WeightedScoreCard withdrawn = fold(kept("P-1", true), kept("P-2", true), rejudged("P-1", PromiseState.OPEN, null, false));

        // only P-2 weighs: 100 x (2 + 1) / (4 + 1) = 60.0
        assertThat(withdrawn.score()).isEqualByComparingTo("60.0");
        assertThat(withdrawn.kept()).isEqualTo(1);
        WeightedScoreCard judgedAtItsClose = withdrawn.apply(broken("P-1", null));
        assertThat(judgedAtItsClose.broken()).isEqualTo(1);
        assertThat(judgedAtItsClose.valued()).isEqualTo(3);
    }

    @Test
    void aBreakJudgedAgainAmongTheLastFiveCountsForTheHabitualBreakerRuleAndAnExcusedOneDoesNot() {
        List<Object> history = new ArrayList<>(List.of(broken("P-1", null), broken("P-2", null), kept("P-3", true)));
        assertThat(fold(history.toArray()).habitualBreaker()).isFalse();
        history.add(rejudged("P-3", PromiseState.BROKEN, null, false));
        assertThat(fold(history.toArray()).habitualBreaker()).isTrue();
        history.add(excuse("P-1"));
        assertThat(fold(history.toArray()).habitualBreaker()).isFalse();
    }

    @Test
    void correctionsOfAPromiseTheCardNeverValuedChangeNothing() {
        WeightedScoreCard card = fold(kept("P-1", true));
        double before = card.weightedCredit();

        card = card.apply(explanation("P-9", Reason.REFUSES)).apply(excuse("P-9"))
                .apply(rejudged("P-9", PromiseState.BROKEN, null, false));

        assertThat(card.weightedCredit()).isEqualTo(before);
        assertThat(card.kept()).isEqualTo(1);
        assertThat(card.broken()).isZero();
    }

    @Test
    void historiesWithoutCorrectionsAddUpExactlyAsTheSumsAlwaysDid() {
        Random random = new Random(17);
        for (int history = 0; history < 200; history++) {
            List<Object> events = new ArrayList<>();
            double weightedCredit = 0;
            double totalWeight = 0;
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                String id = "P-" + i;
                double credit;
                double weight = 1;
                switch (random.nextInt(5)) {
                    case 0 -> { events.add(kept(id, true)); credit = 1.0; }
                    case 1 -> { events.add(kept(id, false)); credit = 0.9; }
                    case 2 -> { events.add(partiallyKept(id, "0.37")); credit = 0.8 * 0.37; }
                    case 3 -> {
                        Reason reason = random.nextBoolean() ? Reason.REFUSES : Reason.CASH_FLOW;
                        events.add(broken(id, reason));
                        credit = 0;
                        weight = reason == Reason.REFUSES ? 2 : 1;
                    }
                    default -> { events.add(renegotiated(id)); credit = 0.6; }
                }
                weightedCredit = 0.85 * weightedCredit + weight * credit; // the fold before per-promise parts were kept
                totalWeight = 0.85 * totalWeight + weight;
            }
            WeightedScoreCard card = fold(events.toArray());
            assertThat(card.weightedCredit()).isEqualTo(weightedCredit);
            assertThat(card.totalWeight()).isEqualTo(totalWeight);
        }
    }

    @Test
    void aCardWrittenBeforePartsWereKeptStillReadsAndScoresTheSame() throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        WeightedScoreCard now = fold(kept("P-1", true), broken("P-2", null), kept("P-3", false));
        String written = json.writeValueAsString(now);
        String older = json.writeValueAsString(json.readTree(written)).replaceAll(
                ",\"recentPromises\":\\[[^]]*],\"valued\":\\d+,\"contributions\":\\{.*}}$", "}");
        assertThat(older).doesNotContain("contributions").endsWith("\"recentCount\":3}");

        WeightedScoreCard read = json.readValue(older, WeightedScoreCard.class);

        assertThat(read.reliability()).isEqualTo(now.reliability());
        assertThat(read.apply(kept("P-4", true)).score()).isEqualByComparingTo(fold(kept("P-1", true), broken("P-2", null),
                kept("P-3", false), kept("P-4", true)).score());
        assertThat(read.apply(explanation("P-2", Reason.REFUSES)).score()).isEqualByComparingTo(now.score());
    }

    @Test
    void aCardStoredAndReadHalfwayEndsExactlyWhereOneFoldedWithoutAStopDoes() throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        List<Object> first = List.of(kept("P-1", true), broken("P-2", null), partiallyKept("P-3", "0.4"));
        List<Object> then = List.of(explanation("P-2", Reason.REFUSES), rejudged("P-1", PromiseState.BROKEN, null, false),
                kept("P-4", true), excuse("P-3"));

        WeightedScoreCard stored = json.readValue(json.writeValueAsString(fold(first.toArray())), WeightedScoreCard.class);
        for (Object event : then) {
            stored = stored.apply(event);
        }
        List<Object> all = new ArrayList<>(first);
        all.addAll(then);

        assertThat(stored).isEqualTo(fold(all.toArray()));
    }

    private static void assertSameSums(WeightedScoreCard corrected, WeightedScoreCard expected) {
        assertThat(corrected.weightedCredit()).isCloseTo(expected.weightedCredit(), within(1e-12));
        assertThat(corrected.totalWeight()).isCloseTo(expected.totalWeight(), within(1e-12));
        assertThat(corrected.reliability()).isEqualTo(expected.reliability());
    }

    private static WeightedScoreCard fold(Object... events) {
        WeightedScoreCard card = V1.start();
        for (Object event : events) {
            card = card.apply(event);
        }
        return card;
    }

    // ---- a small vocabulary of one customer's judgements ----

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    private static final Instant AT = Instant.parse("2026-06-05T00:00:00Z");

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static PromiseKept kept(String id, boolean onTime) {
        return new PromiseKept("c", id, cny("100"), cny("100"), DAY, DAY.plusDays(3), DAY, onTime, ValuedBy.SYSTEM, AT);
    }

    private static PromiseBroken broken(String id, Reason reason) {
        return new PromiseBroken("c", id, cny("100"), cny("0"), DAY, DAY.plusDays(3), reason,
                reason == null ? Faith.UNKNOWN : reason.faith(), null, reason == null ? ValuedBy.SYSTEM : ValuedBy.COLLECTOR, AT);
    }

    private static PromisePartiallyKept partiallyKept(String id, String fraction) {
        return new PromisePartiallyKept("c", id, cny("100"), cny(new BigDecimal(fraction).movePointRight(2).toPlainString()),
                new BigDecimal(fraction), DAY, DAY.plusDays(3), ValuedBy.SYSTEM, AT);
    }

    private static PromiseRenegotiated renegotiated(String id) {
        return new PromiseRenegotiated("c", id, cny("100"), cny("0"), DAY, id + "b", cny("100"), DAY.plusDays(10), 2,
                true, null, null, DAY, AT);
    }

    private static OutcomeExplained explanation(String id, Reason reason) {
        return new OutcomeExplained("c", id, PromiseState.BROKEN, reason, reason.faith(), null, DAY.plusDays(9), AT);
    }

    private static PromiseExcused excuse(String id) {
        return new PromiseExcused("c", id, DAY.plusDays(3), "C-1", DAY, AT);
    }

    private static PromiseRejudged rejudged(String id, PromiseState state, String fraction, boolean onTime) {
        return new PromiseRejudged("c", id, cny("100"), cny("0"), fraction == null ? null : new BigDecimal(fraction), DAY,
                DAY.plusDays(3), PromiseState.KEPT, state, null, onTime, RejudgedBecause.PAYMENT_REVERSED, "PAY-1", AT);
    }
}
