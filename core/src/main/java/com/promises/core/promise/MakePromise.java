package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record that the customer committed to pay {@code amount} by {@code dueDate}.
 * {@code madeOn} may lie in the past (a backdated record); absent, it is today in the business zone.
 */
public record MakePromise(@TargetAggregateIdentifier String customerId,
                          String promiseId,
                          Money amount,
                          LocalDate dueDate,
                          LocalDate madeOn,
                          Channel channel,
                          boolean inWriting,
                          String reference,
                          String note) {
}
