package com.promises.core.promise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The service's own order to judge a promise whose window has closed. Judging is idempotent:
 * a promise that is already valued is left as it is.
 */
public record ValuePromise(@TargetAggregateIdentifier String customerId, String promiseId) {
}
