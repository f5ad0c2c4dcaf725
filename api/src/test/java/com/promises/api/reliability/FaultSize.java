package com.promises.api.reliability;

import com.promises.testing.RunSize;

import java.time.Duration;

/**
 * How large the fault tests run: a few kills and a 10-second outage in the suite, the sizes (10 kills
 * each, a 30-second outage) with {@code -Dreliability=full} on the Maven command line or {@code RELIABILITY=full}
 * in the environment.
 *
 * @param kills  SIGKILLs under load, each followed by a restart
 * @param outage how long the database stays stopped
 */
record FaultSize(String name, int kills, Duration outage) {

    /** Concurrent clients, each sending payments to customers picked at random among these. */
    static final int CLIENTS = 8;
    static final int CUSTOMERS = 6;

    static FaultSize current() {
        return RunSize.FULL
                ? new FaultSize("full", 10, Duration.ofSeconds(30))
                : new FaultSize("ci", 3, Duration.ofSeconds(10));
    }
}
