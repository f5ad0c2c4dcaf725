package com.promises.core.payment;

import com.promises.core.money.Money;

/** The part of a payment that went to one promise. */
public record Allocation(String promiseId, Money amount) {
}
