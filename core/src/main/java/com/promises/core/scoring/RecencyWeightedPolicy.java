package com.promises.core.scoring;

import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;

import java.util.Objects;

/**
 * The family of policies DOMAIN.md describes, composed in one place from named pieces:
 * a credit per outcome, a recency decay applied to every older valued promise each time a new one
 * is valued, a heavier weight for refusals, no weight for a promise our own miss excuses, a prior of
 * pseudo-promises, bands and the habitual-breaker rule. The versions differ only in their numbers
 * (see {@link ReliabilityPolicies}).
 *
 * <pre>score = 100 x (priorKept + sum weight x credit) / (priorKept + priorBroken + sum weight)</pre>
 *
 * A promise judged again (a reversal, a backdated payment), explained again or excused keeps its place in that sum
 * with its new weight and credit. A promise whose judgement was withdrawn (kept early, then its payment reversed) has
 * no weight there; its next judgement is valued as a new one.
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
        return WeightedScoreCard.start(this);
    }

    /**
     * A valued promise becomes the newest outcome; a promise judged again or excused while among the recent ones
     * changes its own outcome there (an excused break is not held against the customer).
     */
    @Override
    public RecentOutcomes recentOutcomesAfter(RecentOutcomes before, Object event) {
        if (event instanceof PromiseExcused excused) {
            return before.judgedAgain(excused.promiseId(), false);
        }
        if (event instanceof PromiseRejudged rejudged) {
            return before.judgedAgain(rejudged.promiseId(), rejudged.state() == PromiseState.BROKEN);
        }
        Valuation valuation = valuationOf(event);
        if (valuation == null) {
            return before;
        }
        return before.after(valuation.promiseId(), valuation.outcome() == Outcome.BROKEN, habitualWindow);
    }

    @Override
    public boolean isHabitualBreaker(RecentOutcomes recent) {
        return recent.brokenCount() >= habitualBreaks;
    }

    /** The credit and weight an event earns, or null for events that value no promise. */
    Valuation valuationOf(Object event) {
        if (event instanceof PromiseKept kept) {
            return valuation(kept.promiseId(), kept.onTime() ? credits.keptOnTime() : credits.keptWithinGrace(),
                    Outcome.KEPT, false);
        }
        if (event instanceof PromisePartiallyKept partial) {
            return valuation(partial.promiseId(), credits.partiallyKeptPerFractionPaid() * partial.fractionPaid().doubleValue(),
                    Outcome.PARTIALLY_KEPT, false);
        }
        if (event instanceof PromiseBroken broken) {
            return valuation(broken.promiseId(), credits.broken(), Outcome.BROKEN, broken.reason() == Reason.REFUSES);
        }
        if (event instanceof PromiseRenegotiated renegotiated) {
            double credit = renegotiated.beforeDue() ? credits.renegotiatedBeforeDue() : credits.renegotiatedAfterDue();
            return valuation(renegotiated.promiseId(), credit, Outcome.RENEGOTIATED, false);
        }
        return null;
    }

    /** What a promise judged again earns; a promise waiting for its window again (OPEN) has no outcome and earns nothing. */
    Valuation valuationOf(PromiseRejudged rejudged) {
        return switch (rejudged.state()) {
            case KEPT -> valuation(rejudged.promiseId(),
                    rejudged.onTime() ? credits.keptOnTime() : credits.keptWithinGrace(), Outcome.KEPT, false);
            case PARTIALLY_KEPT -> valuation(rejudged.promiseId(),
                    credits.partiallyKeptPerFractionPaid() * rejudged.fractionPaid().doubleValue(), Outcome.PARTIALLY_KEPT, false);
            case BROKEN -> valuation(rejudged.promiseId(), credits.broken(), Outcome.BROKEN, false);
            default -> valuation(rejudged.promiseId(), 0, null, false);
        };
    }

    /** No weight for a promise our miss excused or one without an outcome; double for a refusal to pay; 1 otherwise. */
    double weightOf(Outcome outcome, boolean refused, boolean excused) {
        if (excused || outcome == null) {
            return 0;
        }
        return outcome == Outcome.BROKEN && refused ? refusalWeight : 1;
    }

    private Valuation valuation(String promiseId, double credit, Outcome outcome, boolean refused) {
        return new Valuation(promiseId, credit, weightOf(outcome, refused, false), outcome, refused);
    }

    public enum Outcome { KEPT, PARTIALLY_KEPT, BROKEN, RENEGOTIATED }

    /** @param refused the promise was broken with REFUSES as its reason */
    record Valuation(String promiseId, double credit, double weight, Outcome outcome, boolean refused) {
    }
}
