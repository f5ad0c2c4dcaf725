package com.promises.core.payment;

import com.promises.core.money.Money;

import java.util.List;

/** The answer to RecordPayment: where the money went. */
public record PaymentAccepted(String paymentId, List<Allocation> allocations, Money unallocated) {
}
