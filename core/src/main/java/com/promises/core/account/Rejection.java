package com.promises.core.account;

/** Every reason the customer account refuses a command. The names are stable codes clients rely on. */
public enum Rejection {
    PROMISE_NOT_FOUND(Kind.NOT_FOUND),
    PAYMENT_NOT_FOUND(Kind.NOT_FOUND),
    COMMITMENT_NOT_FOUND(Kind.NOT_FOUND),
    CUSTOMER_ALREADY_REGISTERED(Kind.CONFLICT),
    DUPLICATE_PROMISE_ID(Kind.CONFLICT),
    DUPLICATE_PAYMENT_ID(Kind.CONFLICT),
    DUPLICATE_PLAN_ID(Kind.CONFLICT),
    PROMISE_ALREADY_VALUED(Kind.CONFLICT),
    PROMISE_CLOSED(Kind.CONFLICT),
    PROMISE_DISPUTED(Kind.CONFLICT),
    PROMISE_NOT_DISPUTED(Kind.CONFLICT),
    INSIDE_QUIET_DAYS(Kind.CONFLICT),
    WINDOW_NOT_CLOSED(Kind.CONFLICT),
    CURRENCY_MISMATCH(Kind.INVALID),
    INVALID_AMOUNT(Kind.INVALID),
    INVALID_CURRENCY(Kind.INVALID),
    INVALID_DATE(Kind.INVALID),
    INVALID_PLAN(Kind.INVALID),
    INVALID_NAME(Kind.INVALID),
    INVALID_REASON(Kind.INVALID),
    FOLLOW_UP_NOT_OPEN(Kind.CONFLICT),
    /** Only a broken or partially kept promise is explained or escalated. */
    PROMISE_NOT_BROKEN(Kind.CONFLICT),
    PAYMENT_ALREADY_REVERSED(Kind.CONFLICT),
    DUPLICATE_COMMITMENT_ID(Kind.CONFLICT),
    COMMITMENT_ALREADY_ANSWERED(Kind.CONFLICT),
    /** A commitment cannot be missed, or judged missed, before it is due. */
    COMMITMENT_NOT_DUE(Kind.CONFLICT),
    TOO_LATE_TO_CANCEL(Kind.CONFLICT),
    INVALID_FAITH(Kind.INVALID),
    INVALID_COMMITMENT(Kind.INVALID),
    INVALID_SITUATION(Kind.INVALID),
    INVALID_STEP(Kind.INVALID);

    /** How a client should read the refusal: the thing is missing, it clashes with the history, or the input is wrong. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    Rejection(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public CommandRejected because(String detail) {
        return new CommandRejected(this, detail);
    }
}
