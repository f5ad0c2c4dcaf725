package com.promises.core.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test's business time, in UTC as the tests' business zone is. It stays one clock whatever zone a caller asks it
 * for: services share the instance a test moves, so a copy in another zone would stop following it.
 */
public abstract class UtcTestClock extends Clock {

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
    }

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }
}
