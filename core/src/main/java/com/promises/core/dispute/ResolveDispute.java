package com.promises.core.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Settle a dispute: upheld withdraws the promise without weight; rejected resumes it with its window moved. */
public record ResolveDispute(@TargetAggregateIdentifier String customerId, String promiseId, boolean upheld, String note) {
}
