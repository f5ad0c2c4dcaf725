package com.promises.core.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Say how one of our commitments ended: kept, missed, or cancelled in advance (before its due date). */
public record RecordOurCommitmentOutcome(@TargetAggregateIdentifier String customerId,
                                         String commitmentId,
                                         CommitmentOutcome outcome,
                                         String note) {
}
