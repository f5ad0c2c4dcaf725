package com.promises.core.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open an account for a customer who owes money in one currency. Sending the same registration again changes nothing. */
public record RegisterCustomer(@TargetAggregateIdentifier String customerId, String name, String currency) {
}
