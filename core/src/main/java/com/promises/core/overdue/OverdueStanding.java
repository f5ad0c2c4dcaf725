package com.promises.core.overdue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;

/**
 * A customer's overdue status on a day, derived from what is still owed and that day alone, so it changes on the
 * day a promise falls due without any event.
 *
 * @param overdueAmount what is owed on promises whose due date has passed
 * @param daysOverdue   days since the oldest unpaid due date (0 when none has passed)
 * @param nextDueDate   the nearest due date from today on of a promise still owed, or null
 */
public record OverdueStanding(OverdueStatus status, BigDecimal overdueAmount, long daysOverdue, AgingBucket agingBucket,
                              LocalDate nextDueDate) {

    /** A promise due within this many days makes the customer DUE_SOON. */
    public static final int DUE_SOON_DAYS = 3;

    /** @param disputedPromises how many promises are paused by a dispute */
    public static OverdueStanding of(Collection<OwedPromise> owed, int disputedPromises, LocalDate today) {
        LocalDate oldestDue = owed.stream().map(OwedPromise::dueDate).min(Comparator.naturalOrder()).orElse(null);
        LocalDate oldestWindow = owed.stream().map(OwedPromise::windowClosesOn).min(Comparator.naturalOrder()).orElse(null);
        LocalDate nextDue = owed.stream().map(OwedPromise::dueDate).filter(due -> !due.isBefore(today))
                .min(Comparator.naturalOrder()).orElse(null);
        BigDecimal overdue = owed.stream().filter(p -> p.dueDate().isBefore(today)).map(OwedPromise::unpaid)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long days = daysOverdue(oldestDue, today);
        return new OverdueStanding(status(oldestDue, oldestWindow, nextDue, disputedPromises, today), overdue, days,
                AgingBucket.of(days), nextDue);
    }

    /**
     * OVERDUE once a window has closed unpaid, IN_GRACE once a due date has passed, DISPUTED while a dispute pauses
     * a promise, DUE_SOON when the next due date is near, CURRENT otherwise.
     */
    public static OverdueStatus status(LocalDate oldestOwedDue, LocalDate oldestOwedWindow, LocalDate nextDue,
                                       int disputedPromises, LocalDate today) {
        if (oldestOwedWindow != null && oldestOwedWindow.isBefore(today)) {
            return OverdueStatus.OVERDUE;
        }
        if (oldestOwedDue != null && oldestOwedDue.isBefore(today)) {
            return OverdueStatus.IN_GRACE;
        }
        if (disputedPromises > 0) {
            return OverdueStatus.DISPUTED;
        }
        if (nextDue != null && !nextDue.isAfter(today.plusDays(DUE_SOON_DAYS))) {
            return OverdueStatus.DUE_SOON;
        }
        return OverdueStatus.CURRENT;
    }

    public static long daysOverdue(LocalDate oldestOwedDue, LocalDate today) {
        return oldestOwedDue == null || !oldestOwedDue.isBefore(today) ? 0 : ChronoUnit.DAYS.between(oldestOwedDue, today);
    }
}
