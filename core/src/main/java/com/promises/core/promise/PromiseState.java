package com.promises.core.promise;

public enum PromiseState {
    OPEN, KEPT, PARTIALLY_KEPT, BROKEN, RENEGOTIATED, CANCELLED, DISPUTED;

    /** Valued promises have been judged (or closed) and take no more breaks, reminders or renegotiations. */
    public boolean isValued() {
        return this != OPEN && this != DISPUTED;
    }
}
