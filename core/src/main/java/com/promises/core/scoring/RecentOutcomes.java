package com.promises.core.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A customer's last valued outcomes as bits, newest lowest, 1 for a broken promise: what the habitual-breaker rule
 * reads (DOMAIN.md: three broken among the last five). The policy in force says how many it keeps. Beside the bits,
 * the promises they belong to, newest first, so that a promise judged again while it is among them changes its own
 * bit (a list written before the ids were kept may be shorter than {@code count}).
 *
 * @param breaks   the outcomes as bits
 * @param count    how many outcomes the bits hold
 * @param promises the promise of each outcome, newest first
 */
public record RecentOutcomes(int breaks, int count, List<String> promises) {

    public static final RecentOutcomes NONE = new RecentOutcomes(0, 0, List.of());

    public RecentOutcomes {
        promises = promises == null ? List.of() : List.copyOf(promises);
    }

    /** The promise's outcome becomes the newest; the oldest leaves once the window is full. */
    RecentOutcomes after(String promiseId, boolean broken, int window) {
        List<String> ids = new ArrayList<>(Math.min(window, promises.size() + 1));
        ids.add(promiseId);
        ids.addAll(promises.subList(0, Math.min(promises.size(), window - 1)));
        return new RecentOutcomes(((breaks << 1) | (broken ? 1 : 0)) & ((1 << window) - 1), Math.min(window, count + 1), ids);
    }

    /** A promise among these outcomes judged again keeps its place with its new outcome; any other changes nothing. */
    RecentOutcomes judgedAgain(String promiseId, boolean broken) {
        int index = promises.indexOf(promiseId);
        if (index < 0) {
            return this;
        }
        int bit = 1 << index;
        return new RecentOutcomes(broken ? breaks | bit : breaks & ~bit, count, promises);
    }

    int brokenCount() {
        return Integer.bitCount(breaks);
    }
}
