package com.promises.core.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Undo a payment that bounced, was recorded in error or was charged back (DOMAIN.md rule 9: a new event, never an erasure). */
public record ReversePayment(@TargetAggregateIdentifier String customerId,
                             String paymentId,
                             ReversalReason reason,
                             String note) {
}
