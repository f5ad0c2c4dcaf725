package com.promises.core.dispute;

import com.promises.core.promise.Reason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer contests the debt behind a promise; valuation and reminders pause until it is resolved. */
public record OpenDispute(@TargetAggregateIdentifier String customerId, String promiseId, Reason reason, String note) {
}
