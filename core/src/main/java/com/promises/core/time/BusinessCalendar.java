package com.promises.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** The business's time zone: due dates, "today" and the day anything happened are local dates in it. */
public record BusinessCalendar(ZoneId zone) {

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
    }

    public LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
