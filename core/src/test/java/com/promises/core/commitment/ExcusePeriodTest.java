package com.promises.core.commitment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A miss of ours excuses the promises whose window closes from the day we missed to the end of the period, both included. */
class ExcusePeriodTest {

    private static final ExcusePeriod PERIOD = new ExcusePeriod("C-1", LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 29));

    @ParameterizedTest
    @CsvSource({"2026-06-14, false", "2026-06-15, true", "2026-06-20, true", "2026-06-29, true", "2026-06-30, false"})
    void aWindowClosingInsideThePeriodIsExcused(LocalDate windowClosesOn, boolean excused) {
        assertThat(PERIOD.excuses(windowClosesOn)).isEqualTo(excused);
    }
}
