package com.promises.bench;

import java.util.Arrays;

/** Latencies of one measurement, in microseconds, and the rate they were achieved at. */
final class Latencies {

    private final long[] micros;
    private int count;

    Latencies(int capacity) {
        micros = new long[Math.max(1, capacity)];
    }

    synchronized void add(long nanos) {
        if (count < micros.length) {
            micros[count++] = nanos / 1_000;
        }
    }

    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(percentile / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    synchronized int count() {
        return count;
    }
}
