package com.promises.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting, bounded, for something the service does in the background. */
public final class Await {

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

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
