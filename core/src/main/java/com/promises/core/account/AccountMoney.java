package com.promises.core.account;

import com.promises.core.money.Money;

/** Every amount of an account is a positive sum in its one currency. */
record AccountMoney(String customerId, String currency) {

    void require(Money amount) {
        if (amount == null) {
            throw Rejection.INVALID_AMOUNT.because(Refusals.AMOUNT_REQUIRED);
        }
        if (!amount.currency().equals(currency)) {
            throw Rejection.CURRENCY_MISMATCH.because(Refusals.CURRENCY_MISMATCH.formatted(customerId, currency, amount.currency()));
        }
        if (!amount.isPositive()) {
            throw Rejection.INVALID_AMOUNT.because(Refusals.NOT_POSITIVE.formatted(amount));
        }
    }

    void requireCurrency(String code) {
        if (code != null && !code.equals(currency)) {
            throw Rejection.CURRENCY_MISMATCH.because(Refusals.CURRENCY_MISMATCH.formatted(customerId, currency, code));
        }
    }
}
