package com.promises.api.infrastructure.security;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Three failures in ten minutes, per name and per address, on a clock the test moves. */
class FailedSignInsTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final ManualTime time = new ManualTime();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FailedSignIns failures = new FailedSignIns(3, WINDOW, time, meters);

    @Test
    void nobodyIsLockedBeforeAnyFailure() {
        assertThat(failures.lockedFor("ana", "10.0.0.1")).isZero();
    }

    @Test
    void theThirdFailureOfANameLocksItFromEveryAddress() {
        failures.failed("ana", "10.0.0.1");
        failures.failed("ana", "10.0.0.2");
        assertThat(failures.lockedFor("ana", "10.0.0.4")).isZero();

        failures.failed("ana", "10.0.0.3");

        assertThat(failures.lockedFor("ana", "10.0.0.4")).isPositive();
        assertThat(failures.lockedFor("bo", "10.0.0.1")).isZero();
    }

    @Test
    void aNameCountsAsOneInAnyCase() {
        failures.failed("Ana", "10.0.0.1");
        failures.failed("ANA", "10.0.0.2");
        failures.failed("ana", "10.0.0.3");

        assertThat(failures.lockedFor("aNa", "10.0.0.9")).isPositive();
    }

    @Test
    void theThirdFailureFromAnAddressLocksItForEveryName() {
        failures.failed("ana", "10.0.0.1");
        failures.failed("bo", "10.0.0.1");
        failures.failed("cy", "10.0.0.1");

        assertThat(failures.lockedFor("dee", "10.0.0.1")).isPositive();
        assertThat(failures.lockedFor("dee", "10.0.0.2")).isZero();
    }

    @Test
    void aLockLastsUntilOneFailureHasFadedAndThenAllowsOneMoreAttempt() {
        for (int i = 0; i < 3; i++) {
            failures.failed("ana", "10.0.0.1");
        }
        Duration oneThird = WINDOW.dividedBy(3);
        assertThat(failures.lockedFor("ana", "10.0.0.1")).isEqualTo(oneThird);

        time.advance(oneThird.minusSeconds(1));
        assertThat(failures.lockedFor("ana", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));

        time.advance(Duration.ofSeconds(1));
        assertThat(failures.lockedFor("ana", "10.0.0.1")).isZero();
        failures.failed("ana", "10.0.0.1");
        assertThat(failures.lockedFor("ana", "10.0.0.1")).isEqualTo(oneThird);
    }

    @Test
    void failuresAndLockoutsAreCounted() {
        for (int i = 0; i < 4; i++) {
            failures.failed("ana", "10.0.0." + i);
        }
        failures.failed("bo", "10.0.0.1");
        failures.failed("cy", "10.0.0.1");

        assertThat(meters.get("promises.sign-in.failures").counter().count()).isEqualTo(6);
        assertThat(meters.get("promises.sign-in.lockouts").tag("by", "user").counter().count()).isEqualTo(1);
        assertThat(meters.get("promises.sign-in.lockouts").tag("by", "address").counter().count()).isEqualTo(1);
    }

    /** Bucket4j's time, moved by the test. */
    private static final class ManualTime implements TimeMeter {

        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
