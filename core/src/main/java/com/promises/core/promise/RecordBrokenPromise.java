package com.promises.core.promise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A collector records that the customer broke the promise, and why. */
public record RecordBrokenPromise(@TargetAggregateIdentifier String customerId,
                                  String promiseId,
                                  Reason reason,
                                  String note) {
}
