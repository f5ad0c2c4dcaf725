package com.promises.core.account;

/** The sentences the customer account refuses commands with, beside their codes ({@link Rejection}); tests reuse them. */
final class Refusals {

    static final String CONFLICTING_REGISTRATION = "Customer %s is already registered as '%s' in %s";
    static final String CURRENCY_MISMATCH = "The account of customer %s is kept in %s, not %s";
    static final String AMOUNT_REQUIRED = "An amount is required";
    static final String NOT_POSITIVE = "The amount must be greater than zero, not %s";
    static final String UNKNOWN_PROMISE = "Customer %s has no promise %s";
    static final String ALREADY_VALUED = "Promise %s was already judged %s";
    static final String CLOSED = "Promise %s is closed: it was %s";
    static final String DISPUTED = "Promise %s is disputed since %s; resolve the dispute first";
    static final String NOT_DISPUTED = "Promise %s is not disputed";
    static final String QUIET_DAYS = "A reminder was sent on %s; the next one is allowed from %s";
    static final String WINDOW_OPEN = "The window of promise %s is open until the end of %s";
    static final String DATE_REQUIRED = "The %s is required";
    static final String DUE_BEFORE_MADE = "The due date %s is before the day the promise was made, %s";
    static final String IN_THE_FUTURE = "The %s %s is after today, %s";
    static final String DUPLICATE_PROMISE = "Promise id %s is already used by another promise of customer %s";
    static final String DUPLICATE_PAYMENT = "Payment id %s was already recorded with other details";
    static final String DUPLICATE_PLAN = "Plan id %s was already used for another plan";
    static final String PLAN_SIZE = "An installment plan has 2 to 60 installments, not %d";
    static final String PLAN_ORDER = "Installment due dates must strictly increase: %s does not come after %s";
    static final String REASON_REQUIRED = "A reason is required";
    static final String NO_OPEN_FOLLOW_UP = "Promise %s has no open follow-up: it is %s%s";

    private Refusals() {
    }
}
