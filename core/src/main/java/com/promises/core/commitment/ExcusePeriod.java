package com.promises.core.commitment;

import java.time.LocalDate;

/**
 * The days after one of our missed commitments in which the customer's promises are excused (DOMAIN.md "excused"):
 * a promise whose window closes from the day we missed ({@code from}) to {@code until}, both included.
 */
public record ExcusePeriod(String commitmentId, LocalDate from, LocalDate until) {

    public static ExcusePeriod after(OurCommitmentOutcomeRecorded missed) {
        return new ExcusePeriod(missed.commitmentId(), missed.dueDate(), missed.excusesUntil());
    }

    public boolean excuses(LocalDate windowClosesOn) {
        return !windowClosesOn.isBefore(from) && !windowClosesOn.isAfter(until);
    }
}
