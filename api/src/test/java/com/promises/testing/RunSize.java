package com.promises.testing;

import java.time.Duration;

/**
 * The size of a fault run: small enough for CI by default, the size RELIABILITY.md reports with
 * {@code -Dreliability.full=true} (Maven passes it on to the tests' JVM).
 */
public final class RunSize {

    public static final boolean FULL = Boolean.getBoolean("reliability.full");

    private RunSize() {
    }

    public static int pick(int ci, int full) {
        return FULL ? full : ci;
    }

    public static Duration pick(Duration ci, Duration full) {
        return FULL ? full : ci;
    }
}
