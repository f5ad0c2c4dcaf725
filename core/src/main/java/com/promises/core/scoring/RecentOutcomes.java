package com.promises.core.scoring;

/**
 * A customer's last valued outcomes as bits, newest lowest, 1 for a broken promise: what the habitual-breaker rule
 * reads (DOMAIN.md: three broken among the last five). The policy in force says how many it keeps.
 *
 * @param breaks the outcomes as bits
 * @param count  how many outcomes the bits hold
 */
public record RecentOutcomes(int breaks, int count) {

    public static final RecentOutcomes NONE = new RecentOutcomes(0, 0);

    RecentOutcomes after(boolean broken, int window) {
        return new RecentOutcomes(((breaks << 1) | (broken ? 1 : 0)) & ((1 << window) - 1), Math.min(window, count + 1));
    }

    int brokenCount() {
        return Integer.bitCount(breaks);
    }
}
