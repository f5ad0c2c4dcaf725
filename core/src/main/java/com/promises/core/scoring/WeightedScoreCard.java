package com.promises.core.scoring;

import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.Reason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The running sums of a {@link RecencyWeightedPolicy}: applying an event costs O(1), because decaying every older
 * weight by the same factor is the same as decaying their sum. A change to an earlier valued promise (judged again,
 * explained, excused) replaces that promise's part of the sums where it stands, scaled by the decay it has had since:
 * decay^(promises valued after it). A history without such changes adds up exactly as it always did.
 *
 * <p>Plain data, kept in snapshots and in the read model. A card written before the per-promise parts were kept
 * still reads; only its older promises then have no part to replace. The parts are one map handed on from card to
 * card, so a fold keeps only the newest card: the one an event was applied to is spent.
 *
 * @param weightedCredit sum of weight x credit over valued promises, decayed
 * @param totalWeight    sum of weights over valued promises, decayed
 * @param recentBreaks   the last valued outcomes as bits ({@link RecentOutcomes#breaks()})
 * @param recentCount    how many outcomes the bits hold (at most the habitual window)
 * @param recentPromises the promise of each of those outcomes, newest first
 * @param valued         how many promises have been valued: the next one's position
 * @param contributions  each valued promise's part, by promise id, in the order first valued
 */
public record WeightedScoreCard(RecencyWeightedPolicy policy,
                                double weightedCredit,
                                double totalWeight,
                                int kept,
                                int partiallyKept,
                                int broken,
                                int renegotiated,
                                int recentBreaks,
                                int recentCount,
                                List<String> recentPromises,
                                int valued,
                                Map<String, Contribution> contributions) implements ScoreCard {

    public WeightedScoreCard {
        recentPromises = recentPromises == null ? List.of() : recentPromises;
        contributions = contributions == null ? new LinkedHashMap<>() : contributions;
    }

    static WeightedScoreCard start(RecencyWeightedPolicy policy) {
        return new WeightedScoreCard(policy, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, new LinkedHashMap<>());
    }

    @Override
    public WeightedScoreCard apply(Object event) {
        if (event instanceof OutcomeExplained explained) {
            return changed(event, explained.promiseId(), earlier -> part(earlier, earlier.outcome(), earlier.credit(),
                    explained.reason() == Reason.REFUSES, earlier.excused()));
        }
        if (event instanceof PromiseExcused excused) {
            return changed(event, excused.promiseId(),
                    earlier -> part(earlier, earlier.outcome(), earlier.credit(), earlier.refused(), true));
        }
        if (event instanceof PromiseRejudged rejudged) {
            RecencyWeightedPolicy.Valuation now = policy.valuationOf(rejudged);
            return changed(event, rejudged.promiseId(),
                    earlier -> part(earlier, now.outcome(), now.credit(), earlier.refused(), earlier.excused()));
        }
        RecencyWeightedPolicy.Valuation valuation = policy.valuationOf(event);
        if (valuation == null) {
            return this;
        }
        RecentOutcomes recent = policy.recentOutcomesAfter(recentOutcomes(), event);
        contributions.put(valuation.promiseId(), new Contribution(valued, valuation.weight(), valuation.credit(),
                valuation.outcome(), valuation.refused(), false));
        var outcome = valuation.outcome();
        return new WeightedScoreCard(policy,
                policy.decay() * weightedCredit + valuation.weight() * valuation.credit(),
                policy.decay() * totalWeight + valuation.weight(),
                kept + (outcome == RecencyWeightedPolicy.Outcome.KEPT ? 1 : 0),
                partiallyKept + (outcome == RecencyWeightedPolicy.Outcome.PARTIALLY_KEPT ? 1 : 0),
                broken + (outcome == RecencyWeightedPolicy.Outcome.BROKEN ? 1 : 0),
                renegotiated + (outcome == RecencyWeightedPolicy.Outcome.RENEGOTIATED ? 1 : 0),
                recent.breaks(), recent.count(), recent.promises(), valued + 1, contributions);
    }

    /** The card with the promise's part replaced where it stands; a promise this card never valued has none to replace. */
    private WeightedScoreCard changed(Object event, String promiseId, UnaryOperator<Contribution> change) {
        RecentOutcomes recent = policy.recentOutcomesAfter(recentOutcomes(), event);
        Contribution earlier = contributions.get(promiseId);
        Contribution now = earlier == null ? null : change.apply(earlier);
        if (now == null || now.equals(earlier)) {
            return withRecent(recent, weightedCredit, totalWeight, new int[]{kept, partiallyKept, broken, renegotiated});
        }
        contributions.put(promiseId, now);
        double decayed = StrictMath.pow(policy.decay(), valued - 1 - earlier.position());
        int[] counts = {kept, partiallyKept, broken, renegotiated};
        if (earlier.outcome() != null) {
            counts[earlier.outcome().ordinal()]--;
        }
        if (now.outcome() != null) {
            counts[now.outcome().ordinal()]++;
        }
        return withRecent(recent,
                weightedCredit + (now.weight() * now.credit() - earlier.weight() * earlier.credit()) * decayed,
                totalWeight + (now.weight() - earlier.weight()) * decayed, counts);
    }

    private WeightedScoreCard withRecent(RecentOutcomes recent, double weightedCredit, double totalWeight, int[] counts) {
        return new WeightedScoreCard(policy, weightedCredit, totalWeight, counts[0], counts[1], counts[2], counts[3],
                recent.breaks(), recent.count(), recent.promises(), valued, contributions);
    }

    private Contribution part(Contribution earlier, RecencyWeightedPolicy.Outcome outcome, double credit, boolean refused,
                              boolean excused) {
        return new Contribution(earlier.position(), policy.weightOf(outcome, refused, excused), credit, outcome, refused, excused);
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
        return new RecentOutcomes(recentBreaks, recentCount, recentPromises);
    }

    @Override
    public Reliability reliability() {
        BigDecimal score = score();
        return new Reliability(score, policy.bands().of(score), policy.version(),
                kept, partiallyKept, broken, renegotiated, habitualBreaker());
    }
}
