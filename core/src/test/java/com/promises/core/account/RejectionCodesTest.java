package com.promises.core.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.promises.core.account.AccountFixtures.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a program reads a refusal: a stable code to act on, and a kind that says whether the thing is missing, clashes
 * with the history or the input is wrong (the API answers 404, 409 and 422 by it).
 */
class RejectionCodesTest {

    @Test
    void aRefusalCarriesItsCodeItsKindAndItsSentence() {
        CommandRejected refused = Rejection.PROMISE_NOT_FOUND.because(Refusals.UNKNOWN_PROMISE.formatted(CUSTOMER, "P-9"));
        assertThat(refused.code()).isEqualTo("PROMISE_NOT_FOUND");
        assertThat(refused.kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
        assertThat(refused.getMessage()).isEqualTo("Customer hotel-zhonghua has no promise P-9");
    }

    @ParameterizedTest
    @CsvSource({
            "PAYMENT_NOT_FOUND,    NOT_FOUND",
            "DUPLICATE_PAYMENT_ID, CONFLICT",
            "WINDOW_NOT_CLOSED,    CONFLICT",
            "INSIDE_QUIET_DAYS,    CONFLICT",
            "CURRENCY_MISMATCH,    INVALID",
            "INVALID_DATE,         INVALID",
    })
    void eachRefusalIsOfTheKindThatTellsTheClientWhatWentWrong(Rejection rejection, Rejection.Kind kind) {
        assertThat(rejection.kind()).isEqualTo(kind);
        assertThat(rejection.because("any sentence").kind()).isEqualTo(kind);
    }
}
