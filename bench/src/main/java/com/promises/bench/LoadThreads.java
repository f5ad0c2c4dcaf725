package com.promises.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of the load generator (HTTP clients, raw JDBC clients), named so their CPU can be told apart
 * from the service's: both run in this one JVM.
 */
final class LoadThreads {

    private static final String PREFIX = "load-";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoadThreads() {
    }

    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, work -> new Thread(work, PREFIX + NEXT.incrementAndGet()));
    }

    /**
     * CPU seconds the living load threads have used, to the nanosecond: /proc counts each thread in 10 ms ticks,
     * which rounds 32 threads of a few milliseconds each down to nothing.
     */
    static double cpuSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(PREFIX)) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId())); // -1: it ended meanwhile
            }
        }
        return nanos / 1e9;
    }
}
