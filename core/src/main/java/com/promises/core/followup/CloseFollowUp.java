package com.promises.core.followup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A collector has dealt with the follow-up a broken promise opened (DOMAIN.md rule 4). */
public record CloseFollowUp(@TargetAggregateIdentifier String customerId, String promiseId, String note) {
}
