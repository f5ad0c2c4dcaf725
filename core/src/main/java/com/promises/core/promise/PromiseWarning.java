package com.promises.core.promise;

/** A doubt raised when a promise is made (DOMAIN.md rules 5 and 6). The promise is recorded all the same. */
public record PromiseWarning(Code code, String detail) {

    public enum Code {
        /** Far above anything the customer has paid before. */
        AMOUNT_ABOVE_PAYMENT_HISTORY,
        /** A large sum promised within a couple of days by a customer with a poor record. */
        LARGE_SUM_SOON_POOR_RECORD,
        /** A large sum promised within a couple of days by a customer who has paid nothing yet. */
        LARGE_SUM_SOON_NO_HISTORY,
        /** Above the amount that belongs in writing, but verbal. */
        UNWRITTEN_LARGE_AMOUNT,
        /** Further out than the horizon that belongs in writing, but verbal. */
        UNWRITTEN_LONG_HORIZON
    }
}
