package com.promises.core.overdue;

/** How many days the oldest unpaid due date lies behind today, in the buckets collectors report by. */
public enum AgingBucket {
    CURRENT("CURRENT"), DAYS_1_30("1-30"), DAYS_31_60("31-60"), DAYS_61_90("61-90"), OVER_90("90+");

    private final String label;

    AgingBucket(String label) {
        this.label = label;
    }

    /** As the contract writes it: CURRENT, 1-30, 31-60, 61-90, 90+. */
    public String label() {
        return label;
    }

    public static AgingBucket of(long daysOverdue) {
        if (daysOverdue <= 0) {
            return CURRENT;
        }
        if (daysOverdue <= 30) {
            return DAYS_1_30;
        }
        if (daysOverdue <= 60) {
            return DAYS_31_60;
        }
        return daysOverdue <= 90 ? DAYS_61_90 : OVER_90;
    }
}
