package com.promises.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting, bounded, for something the service does in the background. Every wait shares one patience, long
 * enough for a loaded build machine: a wait that ends early costs nothing, one that gives up too soon is a flaky test.
 */
public final class Await {

    /** How long any background work (read models, the schedule, snapshots, a rebuild) may take to show. */
    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} and its last state after {@code patience}. */
    public static void until(String what, Duration patience, BooleanSupplier condition, Supplier<Object> state) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + patience.toSeconds() + " s: " + state.get());
            }
            pause(Duration.ofMillis(50));
        }
    }

    public static void until(String what, Duration patience, BooleanSupplier condition) {
        until(what, patience, condition, () -> "");
    }

    /** {@link #until} with the shared {@link #PATIENCE}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, PATIENCE, condition, () -> "");
    }

    /** Reads until what is read is {@code done}, within the shared {@link #PATIENCE}, and returns that last reading. */
    public static <T> T value(String what, Supplier<T> read, Predicate<? super T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + PATIENCE.toSeconds() + " s: " + last);
            }
            pause(Duration.ofMillis(50));
            last = read.get();
        }
        return last;
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
