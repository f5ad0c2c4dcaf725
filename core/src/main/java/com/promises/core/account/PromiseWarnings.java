package com.promises.core.account;

import com.promises.core.money.Money;
import com.promises.core.promise.PromiseWarning;
import com.promises.core.promise.PromiseWarning.Code;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Weighing a promise before accepting it (DOMAIN.md rules 5 and 6, seed 002: 慎重约定). A doubt is
 * recorded with the promise, never a reason to refuse it. A customer with no payment history has no record to be
 * poor: a large sum promised soon is doubtful by itself (its own threshold, {@code firstPromiseAmount}).
 */
final class PromiseWarnings {

    private PromiseWarnings() {
    }

    static List<PromiseWarning> weigh(Money amount, LocalDate madeOn, LocalDate dueDate, boolean inWriting,
                                      BigDecimal largestPaymentSoFar, BigDecimal currentScore, AccountRules rules) {
        List<PromiseWarning> warnings = new ArrayList<>();
        long daysAhead = ChronoUnit.DAYS.between(madeOn, dueDate);
        BigDecimal value = amount.amount();
        if (largestPaymentSoFar.signum() > 0
                && value.compareTo(largestPaymentSoFar.multiply(rules.doubtfulMultiple())) > 0) {
            warnings.add(new PromiseWarning(Code.AMOUNT_ABOVE_PAYMENT_HISTORY,
                    "%s is more than %s times the largest payment so far (%s %s)".formatted(
                            amount, rules.doubtfulMultiple().stripTrailingZeros().toPlainString(),
                            largestPaymentSoFar.toPlainString(), amount.currency())));
        }
        boolean soon = daysAhead <= rules.doubtfulSoonDays();
        if (value.compareTo(rules.writtenAmountThreshold()) >= 0 && soon
                && currentScore.compareTo(rules.poorRecordBelowScore()) < 0) {
            warnings.add(new PromiseWarning(Code.LARGE_SUM_SOON_POOR_RECORD,
                    "%s promised within %d days by a customer whose score is %s".formatted(
                            amount, daysAhead, currentScore.toPlainString())));
        } else if (largestPaymentSoFar.signum() == 0 && value.compareTo(rules.firstPromiseAmount()) > 0 && soon) {
            warnings.add(new PromiseWarning(Code.LARGE_SUM_SOON_NO_HISTORY,
                    "%s promised within %d days by a customer who has paid nothing yet".formatted(amount, daysAhead)));
        }
        if (!inWriting && value.compareTo(rules.writtenAmountThreshold()) > 0) {
            warnings.add(new PromiseWarning(Code.UNWRITTEN_LARGE_AMOUNT,
                    "%s is above %s and belongs in writing".formatted(
                            amount, rules.writtenAmountThreshold().toPlainString())));
        }
        if (!inWriting && daysAhead > rules.writtenHorizonDays()) {
            warnings.add(new PromiseWarning(Code.UNWRITTEN_LONG_HORIZON,
                    "due in %d days, more than %d, and belongs in writing".formatted(
                            daysAhead, rules.writtenHorizonDays())));
        }
        return warnings;
    }
}
