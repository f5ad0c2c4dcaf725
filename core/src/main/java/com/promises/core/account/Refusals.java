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
    static final String NOT_BROKEN = "Promise %s is %s; only a broken or partially kept promise can be %s";
    static final String FAITH_OVERRIDE_NEEDS_NOTE =
            "%s usually signals %s faith; to record %s faith instead, say why in a note";
    static final String UNKNOWN_PAYMENT = "Customer %s has no payment %s";
    static final String ALREADY_REVERSED = "Payment %s was already reversed on %s";
    static final String UNKNOWN_COMMITMENT = "Customer %s has no commitment of ours %s";
    static final String DUPLICATE_COMMITMENT = "Commitment id %s was already used for another commitment";
    static final String KIND_REQUIRED = "What we committed to (VISIT, CALL, DELIVERY or DOCUMENT) is required";
    static final String OUTCOME_REQUIRED = "The outcome (KEPT, MISSED or CANCELLED_IN_ADVANCE) is required";
    static final String COMMITMENT_IN_THE_PAST = "Our commitment's due date %s is before today, %s";
    static final String ALREADY_ANSWERED = "Commitment %s was already recorded %s on %s";
    static final String CANCELLED_TOO_LATE =
            "Commitment %s was due on %s; a cancellation in advance comes by then, so record it kept or missed";
    static final String MISSED_BEFORE_DUE =
            "Commitment %s is due on %s; to call it off before then, record it cancelled in advance";
    static final String NOT_YET_UNANSWERED = "Commitment %s can be answered until the end of %s";
    static final String SITUATION_REQUIRED = "The financial situation is required";
    static final String STEP_REQUIRED = "The step taken (LETTER, PHONE, EMAIL, VISIT, WRITTEN_PLAN or LEGAL) is required";

    private Refusals() {
    }
}
