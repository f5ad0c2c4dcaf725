package com.promises.core.promise;

/** Why a customer did not pay (seeds 000, 003, 004), with the faith each reason usually signals. */
public enum Reason {
    CASH_FLOW(Faith.GOOD),
    WAITING_ON_THEIR_CUSTOMER(Faith.GOOD),
    FUNDS_DIVERTED(Faith.BAD),
    ACCOUNTS_FROZEN(Faith.GOOD),
    QUALITY_DISPUTE(Faith.GOOD),
    GOODS_NOT_RECEIVED(Faith.GOOD),
    EXCHANGE_RATE(Faith.GOOD),
    UNREACHABLE(Faith.UNKNOWN),
    OTHER_SUPPLIER(Faith.UNKNOWN),
    REFUSES(Faith.BAD),
    OTHER(Faith.UNKNOWN);

    private final Faith faith;

    Reason(Faith faith) {
        this.faith = faith;
    }

    public Faith faith() {
        return faith;
    }
}
