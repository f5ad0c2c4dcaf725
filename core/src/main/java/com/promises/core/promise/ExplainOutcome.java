package com.promises.core.promise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Say why a broken or partially kept promise was not kept, whoever judged it, and in what faith. {@code faith}
 * absent means the faith the reason usually signals; overriding it needs a note (an invented cash-flow excuse is
 * bad faith). A later explanation replaces the earlier one; the history keeps both.
 */
public record ExplainOutcome(@TargetAggregateIdentifier String customerId,
                             String promiseId,
                             Reason reason,
                             Faith faith,
                             String note) {
}
