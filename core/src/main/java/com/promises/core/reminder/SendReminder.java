package com.promises.core.reminder;

import com.promises.core.promise.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remind the customer of a promise (seed 002: briefly, and not too often). */
public record SendReminder(@TargetAggregateIdentifier String customerId,
                           String promiseId,
                           Channel channel,
                           String note) {
}
