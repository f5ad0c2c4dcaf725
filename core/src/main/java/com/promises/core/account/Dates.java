package com.promises.core.account;

import java.time.LocalDate;

/** The checks every date of a command goes through. */
final class Dates {

    private Dates() {
    }

    static void require(String what, LocalDate date) {
        if (date == null) {
            throw Rejection.INVALID_DATE.because(Refusals.DATE_REQUIRED.formatted(what));
        }
    }

    static void requireNotAfterToday(String what, LocalDate date, LocalDate today) {
        require(what, date);
        if (date.isAfter(today)) {
            throw Rejection.INVALID_DATE.because(Refusals.IN_THE_FUTURE.formatted(what, date, today));
        }
    }
}
