package com.promises.projections.summary;

import com.promises.core.money.Money;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How late a customer is today, derived when read from stored due dates and the business clock, so it is
 * right on the day a promise falls due without any event. {@link #STATUS_SQL} is the same rule for the
 * worklist's filter, over the same stored columns.
 */
public record Overdue(String status, Money overdueAmount, long daysOverdue, String agingBucket, int openPromises,
                      LocalDate nextDueDate) {

    /** A promise due within this many days makes the customer DUE_SOON. */
    static final int DUE_SOON_DAYS = 3;

    static final String STATUS_SQL = """
            case when s.oldest_owed_window < :today then 'OVERDUE'
                 when s.oldest_owed_due < :today then 'IN_GRACE'
                 when s.disputed_promises > 0 then 'DISPUTED'
                 when s.oldest_owed_due <= :dueSoon then 'DUE_SOON'
                 else 'CURRENT' end""";

    static String status(LocalDate oldestOwedDue, LocalDate oldestOwedWindow, LocalDate nextDue, int disputed, LocalDate today) {
        if (oldestOwedWindow != null && oldestOwedWindow.isBefore(today)) {
            return "OVERDUE";
        }
        if (oldestOwedDue != null && oldestOwedDue.isBefore(today)) {
            return "IN_GRACE";
        }
        if (disputed > 0) {
            return "DISPUTED";
        }
        if (nextDue != null && !nextDue.isAfter(today.plusDays(DUE_SOON_DAYS))) {
            return "DUE_SOON";
        }
        return "CURRENT";
    }

    static long daysOverdue(LocalDate oldestOwedDue, LocalDate today) {
        return oldestOwedDue == null || !oldestOwedDue.isBefore(today) ? 0 : ChronoUnit.DAYS.between(oldestOwedDue, today);
    }

    static String agingBucket(long daysOverdue) {
        if (daysOverdue <= 0) {
            return "CURRENT";
        }
        if (daysOverdue <= 30) {
            return "1-30";
        }
        if (daysOverdue <= 60) {
            return "31-60";
        }
        return daysOverdue <= 90 ? "61-90" : "90+";
    }
}
