package com.promises.core.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The service's own order to judge one of our commitments that nobody answered by its deadline: it is missed.
 * Like a promise's valuation, judging is idempotent: a commitment with an outcome is left as it is.
 */
public record JudgeOurCommitment(@TargetAggregateIdentifier String customerId, String commitmentId) {
}
