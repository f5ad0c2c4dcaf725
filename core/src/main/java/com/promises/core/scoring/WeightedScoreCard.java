package com.promises.core.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The running sums of a {@link RecencyWeightedPolicy}: applying an event costs O(1), because decaying
 * every older weight by the same factor is the same as decaying their sum. Immutable, and plain data so
 * it can be kept in a snapshot.
 *
 * @param weightedCredit sum of weight x credit over valued promises, decayed
 * @param totalWeight    sum of weights over valued promises, decayed
 * @param recentBreaks   the last valued outcomes as bits ({@link RecentOutcomes#breaks()})
 * @param recentCount    how many outcomes the bits hold (at most the habitual window)
 */
public record WeightedScoreCard(RecencyWeightedPolicy policy,
                                double weightedCredit,
                                double totalWeight,
                                int kept,
                                int partiallyKept,
                                int broken,
                                int renegotiated,
                                int recentBreaks,
                                int recentCount) implements ScoreCard {

    @Override
    public WeightedScoreCard apply(Object event) {
        RecencyWeightedPolicy.Valuation valuation = policy.valuationOf(event);
        if (valuation == null) {
            return this;
        }
        var outcome = valuation.outcome();
        RecentOutcomes recent = policy.recentOutcomesAfter(recentOutcomes(), event);
        return new WeightedScoreCard(policy,
                policy.decay() * weightedCredit + valuation.weight() * valuation.credit(),
                policy.decay() * totalWeight + valuation.weight(),
                kept + (outcome == RecencyWeightedPolicy.Outcome.KEPT ? 1 : 0),
                partiallyKept + (outcome == RecencyWeightedPolicy.Outcome.PARTIALLY_KEPT ? 1 : 0),
                broken + (outcome == RecencyWeightedPolicy.Outcome.BROKEN ? 1 : 0),
                renegotiated + (outcome == RecencyWeightedPolicy.Outcome.RENEGOTIATED ? 1 : 0),
                recent.breaks(), recent.count());
    }

    public BigDecimal score() {
        double raw = 100 * (policy.priorKept() + weightedCredit)
                / (policy.priorKept() + policy.priorBroken() + totalWeight);
        return BigDecimal.valueOf(raw).setScale(1, RoundingMode.HALF_UP);
    }

    public boolean habitualBreaker() {
        return policy.isHabitualBreaker(recentOutcomes());
    }

    private RecentOutcomes recentOutcomes() {
        return new RecentOutcomes(recentBreaks, recentCount);
    }

    @Override
    public Reliability reliability() {
        BigDecimal score = score();
        return new Reliability(score, policy.bands().of(score), policy.version(),
                kept, partiallyKept, broken, renegotiated, habitualBreaker());
    }
}
