package com.promises.core.scoring;

import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.Reason;

import java.util.Objects;

/**
 * The family of policies DOMAIN.md describes, composed in one place from named pieces:
 * a credit per outcome, a recency decay applied to every older valued promise each time a new one
 * is valued, a heavier weight for refusals, a prior of pseudo-promises, bands and the habitual-breaker
 * rule. The versions differ only in their numbers (see {@link ReliabilityPolicies}).
 *
 * <pre>score = 100 x (priorKept + sum weight x credit) / (priorKept + priorBroken + sum weight)</pre>
 *
 * @param decay           the factor each later valued promise multiplies an older one's weight by
 * @param refusalWeight   the weight of a broken promise whose reason is REFUSES (bad faith weighs heavier)
 * @param priorKept       pseudo-promises kept, so a new customer starts in the middle
 * @param priorBroken     pseudo-promises broken
 * @param habitualBreaks  this many broken among the last {@code habitualWindow} valued marks a habitual breaker
 */
public record RecencyWeightedPolicy(String version,
                                    Credits credits,
                                    double decay,
                                    double refusalWeight,
                                    double priorKept,
                                    double priorBroken,
                                    Bands bands,
                                    int habitualBreaks,
                                    int habitualWindow) implements ReliabilityPolicy {

    public RecencyWeightedPolicy {
        Objects.requireNonNull(version, "version");
        if (habitualWindow < 1 || habitualWindow > 31) {
            throw new IllegalArgumentException("the habitual-breaker window must hold 1 to 31 outcomes");
        }
    }

    @Override
    public WeightedScoreCard start() {
        return new WeightedScoreCard(this, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public RecentOutcomes recentOutcomesAfter(RecentOutcomes before, Object event) {
        Valuation valuation = valuationOf(event);
        return valuation == null ? before : before.after(valuation.outcome() == Outcome.BROKEN, habitualWindow);
    }

    @Override
    public boolean isHabitualBreaker(RecentOutcomes recent) {
        return recent.brokenCount() >= habitualBreaks;
    }

    /** The credit and weight an event earns, or null for events that value no promise. */
    Valuation valuationOf(Object event) {
        if (event instanceof PromiseKept kept) {
            return new Valuation(kept.onTime() ? credits.keptOnTime() : credits.keptWithinGrace(), 1, Outcome.KEPT);
        }
        if (event instanceof PromisePartiallyKept partial) {
            double fraction = partial.fractionPaid().doubleValue();
            return new Valuation(credits.partiallyKeptPerFractionPaid() * fraction, 1, Outcome.PARTIALLY_KEPT);
        }
        if (event instanceof PromiseBroken broken) {
            double weight = broken.reason() == Reason.REFUSES ? refusalWeight : 1;
            return new Valuation(credits.broken(), weight, Outcome.BROKEN);
        }
        if (event instanceof PromiseRenegotiated renegotiated) {
            double credit = renegotiated.beforeDue() ? credits.renegotiatedBeforeDue() : credits.renegotiatedAfterDue();
            return new Valuation(credit, 1, Outcome.RENEGOTIATED);
        }
        return null;
    }

    enum Outcome { KEPT, PARTIALLY_KEPT, BROKEN, RENEGOTIATED }

    record Valuation(double credit, double weight, Outcome outcome) {
    }
}
