package com.promises.core.overdue;

import java.util.Arrays;
import java.util.Optional;

/** How many days the oldest unpaid due date lies behind today, in the buckets collectors report by. */
public enum AgingBucket {
    CURRENT("CURRENT", 0, 0), DAYS_1_30("1-30", 1, 30), DAYS_31_60("31-60", 31, 60), DAYS_61_90("61-90", 61, 90),
    OVER_90("90+", 91, Long.MAX_VALUE);

    private final String label;
    private final long fewestDays;
    private final long mostDays;

    AgingBucket(String label, long fewestDays, long mostDays) {
        this.label = label;
        this.fewestDays = fewestDays;
        this.mostDays = mostDays;
    }

    /** As the contract writes it: CURRENT, 1-30, 31-60, 61-90, 90+. */
    public String label() {
        return label;
    }

    /** The fewest days overdue in this bucket (0 for CURRENT: nothing overdue). */
    public long fewestDays() {
        return fewestDays;
    }

    /** The most days overdue in this bucket, both included. */
    public long mostDays() {
        return mostDays;
    }

    /** The first bucket whose most days hold this count; OVER_90's are unbounded, so there always is one. */
    public static AgingBucket of(long daysOverdue) {
        return Arrays.stream(values()).filter(bucket -> daysOverdue <= bucket.mostDays).findFirst().orElseThrow();
    }

    public static Optional<AgingBucket> ofLabel(String label) {
        for (AgingBucket bucket : values()) {
            if (bucket.label.equals(label)) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }
}
