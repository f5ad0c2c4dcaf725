package com.promises.core.promise;

import java.math.BigDecimal;

/**
 * What a customer still owes on a promise, as payments, overdue status and follow-ups all count it: the unpaid
 * rest of a promise that is open, kept, partially kept or broken. A judged promise keeps its outcome but its debt
 * remains; a disputed one is paused; a renegotiated or cancelled one owes nothing any more.
 */
public final class Owed {

    private Owed() {
    }

    public static boolean collectible(PromiseState state) {
        return state == PromiseState.OPEN || state == PromiseState.KEPT
                || state == PromiseState.PARTIALLY_KEPT || state == PromiseState.BROKEN;
    }

    public static boolean isStillOwed(PromiseState state, BigDecimal amount, BigDecimal paid) {
        return collectible(state) && paid.compareTo(amount) < 0;
    }

    /** Never negative: an overpaid promise owes nothing, the rest is the account's credit. */
    public static BigDecimal unpaid(BigDecimal amount, BigDecimal paid) {
        return amount.subtract(paid).max(BigDecimal.ZERO);
    }
}
