package com.promises.core.scoring;

/**
 * One valued promise's part in a {@link WeightedScoreCard}: its place among the customer's valued promises (0 the
 * first), and the weight and credit it was given there before any decay.
 *
 * @param outcome null once its judgement was withdrawn (kept early, then its payment reversed): no weight, no credit
 * @param refused its latest reason for not paying is REFUSES
 * @param excused one of our own misses excuses it
 */
public record Contribution(int position, double weight, double credit, RecencyWeightedPolicy.Outcome outcome,
                    boolean refused, boolean excused) {
}
