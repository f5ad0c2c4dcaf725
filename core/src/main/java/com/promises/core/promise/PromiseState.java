package com.promises.core.promise;

public enum PromiseState {
    OPEN, KEPT, PARTIALLY_KEPT, BROKEN, RENEGOTIATED, CANCELLED, DISPUTED;

    /**
     * Where a disputed promise goes when the dispute is settled: withdrawn without weight when the customer was
     * right (upheld), open again otherwise.
     */
    public static PromiseState afterDispute(boolean upheld) {
        return upheld ? CANCELLED : OPEN;
    }
}
