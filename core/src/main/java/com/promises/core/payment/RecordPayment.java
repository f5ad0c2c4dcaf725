package com.promises.core.payment;

import com.promises.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Money received. Goes to {@code promiseId} when named, otherwise to open promises oldest due
 * date first; anything left over stays on the account as credit. {@code paidOn} is the value date
 * and may lie in the past.
 */
public record RecordPayment(@TargetAggregateIdentifier String customerId,
                            String paymentId,
                            Money amount,
                            LocalDate paidOn,
                            String promiseId) {
}
