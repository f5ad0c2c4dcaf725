package com.promises.core.testing;

import java.time.Duration;
import java.time.Instant;

/** Business time a test moves by hand. */
public final class MovableClock extends UtcTestClock {

    private volatile Instant now;

    public MovableClock(Instant start) {
        now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void advanceDays(int days) {
        advance(Duration.ofDays(days));
    }

    @Override
    public Instant instant() {
        return now;
    }
}
