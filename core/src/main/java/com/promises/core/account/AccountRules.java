package com.promises.core.account;

import com.promises.core.time.BusinessCalendar;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings the customer account decides by, injected into its command handlers.
 * Each decision that used them records its result in the event (a promise's window, a reminder's
 * next allowed day), so a replay never depends on the settings of the day it runs.
 *
 * @param zone                   the business time zone; "today" is the clock's instant in this zone
 * @param graceDays              days after the due date before a promise is judged (DOMAIN.md rule 1)
 * @param quietDays              days after a reminder before the next one to the same customer (rule 3)
 * @param writtenAmountThreshold a verbal promise above this amount is flagged (rule 6)
 * @param writtenHorizonDays     a verbal promise due further out than this is flagged (rule 6)
 * @param doubtfulMultiple       a promise above this multiple of the largest payment so far is doubtful (rule 5)
 * @param doubtfulSoonDays       a large promise due within this many days from a poor payer is doubtful (rule 5)
 * @param poorRecordBelowScore   a score below this is a poor record (rule 5)
 * @param firstPromiseAmount     with no payment history, a promise above this due within {@code doubtfulSoonDays} is
 *                               doubtful (rule 5)
 * @param excuseDays             a promise whose window closes within this many days after one of our missed
 *                               commitments is excused (rule 7)
 */
public record AccountRules(ZoneId zone,
                           int graceDays,
                           int quietDays,
                           BigDecimal writtenAmountThreshold,
                           int writtenHorizonDays,
                           BigDecimal doubtfulMultiple,
                           int doubtfulSoonDays,
                           BigDecimal poorRecordBelowScore,
                           BigDecimal firstPromiseAmount,
                           int excuseDays) {

    public AccountRules {
        Objects.requireNonNull(zone, "zone");
        if (graceDays < 0 || quietDays < 0 || writtenHorizonDays < 0 || doubtfulSoonDays < 0 || excuseDays < 0) {
            throw new IllegalArgumentException("day counts must not be negative");
        }
        Objects.requireNonNull(writtenAmountThreshold, "writtenAmountThreshold");
        Objects.requireNonNull(doubtfulMultiple, "doubtfulMultiple");
        Objects.requireNonNull(poorRecordBelowScore, "poorRecordBelowScore");
        Objects.requireNonNull(firstPromiseAmount, "firstPromiseAmount");
    }

    /** "Today" and the day of any instant in the business zone. */
    public BusinessCalendar calendar() {
        return new BusinessCalendar(zone);
    }

    public static AccountRules defaults() {
        return new AccountRules(ZoneId.of("UTC"), 3, 3, new BigDecimal("50000"), 30,
                new BigDecimal("3"), 2, new BigDecimal("50"), new BigDecimal("50000"), 14);
    }
}
