package com.promises.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of the load generator (HTTP clients, raw JDBC clients), named so their CPU can be told apart
 * from the service's: both run in this one JVM.
 */
final class LoadThreads {

    static final String PREFIX = "load-";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoadThreads() {
    }

    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, work -> new Thread(work, PREFIX + NEXT.incrementAndGet()));
    }
}
