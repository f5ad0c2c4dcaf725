package com.promises.projections.summary;

import com.promises.core.money.Money;
import com.promises.core.overdue.AgingBucket;
import com.promises.core.overdue.OverdueStanding;
import com.promises.core.overdue.OverdueStatus;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How late a customer is today, as clients read it: derived when read from what is still owed and the business
 * clock (the rules are {@link OverdueStanding}'s), so it is right on the day a promise falls due without any event.
 */
public record Overdue(String status, Money overdueAmount, long daysOverdue, String agingBucket, int openPromises,
                      LocalDate nextDueDate) {

    static Overdue of(OverdueStanding standing, String currency, int openPromises) {
        return new Overdue(standing.status().name(), Money.fromStored(standing.overdueAmount(), currency),
                standing.daysOverdue(), standing.agingBucket().label(), openPromises, standing.nextDueDate());
    }

    /** From a summary row's stored dates and the amount its query summed. */
    static Overdue of(LocalDate oldestOwedDue, LocalDate oldestOwedWindow, LocalDate nextDueDate, int disputed,
                      BigDecimal overdueAmount, String currency, int openPromises, LocalDate today) {
        OverdueStatus status = OverdueStanding.status(oldestOwedDue, oldestOwedWindow, nextDueDate, disputed, today);
        long days = OverdueStanding.daysOverdue(oldestOwedDue, today);
        return of(new OverdueStanding(status, overdueAmount, days, AgingBucket.of(days), nextDueDate), currency, openPromises);
    }
}
