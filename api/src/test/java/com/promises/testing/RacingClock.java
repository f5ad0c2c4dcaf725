package com.promises.testing;

import com.promises.core.testing.UtcTestClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Business time that runs faster than real time, so promises' windows close while a test's load goes on; one clock
 * for every service the test starts, like the real calendar. Add {@link Wiring} to a service to give it this clock.
 */
public final class RacingClock extends UtcTestClock {

    public static final RacingClock INSTANCE = new RacingClock();

    private volatile Instant origin = Instant.parse("2026-06-15T09:00:00Z");
    private volatile long startedAt = System.nanoTime();
    private volatile double businessNanosPerNano = 1;
    private volatile Instant frozenAt;

    private RacingClock() {
    }

    /** From {@code from} on, {@code businessTimePerSecond} passes for every real second. */
    public void race(Instant from, Duration businessTimePerSecond) {
        origin = from;
        businessNanosPerNano = businessTimePerSecond.toNanos() / 1e9;
        startedAt = System.nanoTime();
        frozenAt = null;
    }

    /** Jumps {@code ahead} and stops there. */
    public void freeze(Duration ahead) {
        frozenAt = instant().plus(ahead);
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        if (frozen != null) {
            return frozen;
        }
        return origin.plusNanos((long) ((System.nanoTime() - startedAt) * businessNanosPerNano));
    }

    /** Not a configuration class, which the application's component scan could find: added where it is wanted. */
    public static class Wiring {
        @Bean
        @Primary
        Clock racingBusinessClock() {
            return INSTANCE;
        }
    }
}
