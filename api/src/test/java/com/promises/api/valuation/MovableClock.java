package com.promises.api.valuation;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Business time a test moves by hand; shared by every context a test starts, like the real calendar. */
final class MovableClock extends Clock {

    static final MovableClock INSTANCE = new MovableClock();
    private volatile Instant now = Instant.parse("2026-06-15T09:00:00Z");

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        @Primary
        Clock movableBusinessClock() {
            return INSTANCE;
        }
    }
}
