package com.promises.testing;

import java.time.Duration;

/**
 * The size of a fault run: small enough for CI by default, the size RELIABILITY.md reports with
 * {@code -Dreliability=full} on the Maven command line (passed on to the tests' JVM) or {@code RELIABILITY=full} in
 * the environment.
 */
public final class RunSize {

    public static final boolean FULL =
            "full".equals(System.getProperty("reliability", System.getenv().getOrDefault("RELIABILITY", "ci")));

    private RunSize() {
    }

    public static int pick(int ci, int full) {
        return FULL ? full : ci;
    }

    public static Duration pick(Duration ci, Duration full) {
        return FULL ? full : ci;
    }
}
