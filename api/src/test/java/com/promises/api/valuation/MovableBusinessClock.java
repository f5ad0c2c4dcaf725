package com.promises.api.valuation;

import com.promises.core.testing.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;

/** Business time a test moves by hand, shared by every context a test starts, like the real calendar. */
@TestConfiguration(proxyBeanMethods = false)
class MovableBusinessClock {

    static final MovableClock INSTANCE = new MovableClock(Instant.parse("2026-06-15T09:00:00Z"));

    @Bean
    @Primary
    Clock clockMovedByTheTest() {
        return INSTANCE;
    }
}
