package com.promises.core.promise;

import com.promises.core.risk.FinancialSituation;

/**
 * Why a customer did not pay (seeds 000, 003, 004), with the faith each reason usually signals. Frozen accounts
 * say nothing of faith: they are the customer's ability to pay (seed 000), recorded beside the reason as their
 * financial situation.
 */
public enum Reason {
    CASH_FLOW(Faith.GOOD),
    WAITING_ON_THEIR_CUSTOMER(Faith.GOOD),
    FUNDS_DIVERTED(Faith.BAD),
    ACCOUNTS_FROZEN(Faith.UNKNOWN, FinancialSituation.FROZEN_ACCOUNTS),
    QUALITY_DISPUTE(Faith.GOOD),
    GOODS_NOT_RECEIVED(Faith.GOOD),
    EXCHANGE_RATE(Faith.GOOD),
    UNREACHABLE(Faith.UNKNOWN),
    OTHER_SUPPLIER(Faith.UNKNOWN),
    REFUSES(Faith.BAD),
    OTHER(Faith.UNKNOWN);

    private final Faith faith;
    private final FinancialSituation situation;

    Reason(Faith faith) {
        this(faith, null);
    }

    Reason(Faith faith, FinancialSituation situation) {
        this.faith = faith;
        this.situation = situation;
    }

    public Faith faith() {
        return faith;
    }

    /** The financial situation this reason tells of, or null when it tells of none. */
    public FinancialSituation situation() {
        return situation;
    }
}
