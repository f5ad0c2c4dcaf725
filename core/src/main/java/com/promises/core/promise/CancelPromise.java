package com.promises.core.promise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a promise recorded by mistake or no longer owed; it carries no weight in the score. */
public record CancelPromise(@TargetAggregateIdentifier String customerId, String promiseId, String note) {
}
