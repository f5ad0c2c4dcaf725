package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Agree a new date (and perhaps amount) in place of a promise. The old promise closes; a new one
 * opens one level higher. {@code newAmount} absent means the unpaid remainder of the old one.
 */
public record RenegotiatePromise(@TargetAggregateIdentifier String customerId,
                                 String promiseId,
                                 String newPromiseId,
                                 LocalDate newDueDate,
                                 Money newAmount,
                                 Reason reason,
                                 String note) {
}
