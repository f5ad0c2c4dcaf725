package com.promises.core.followup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a step a collector took about a broken or partly kept promise ({@code promiseId}), or about the customer's
 * debt as a whole (null). {@code documentReference} points at the sealed written plan, the letter or the case file.
 */
public record RecordEscalationStep(@TargetAggregateIdentifier String customerId,
                                   StepTaken step,
                                   String promiseId,
                                   String note,
                                   String documentReference) {
}
