package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A promise to pay, as recorded. The window that judges it ({@code dueDate} + {@code graceDays},
 * closing at the end of {@code windowClosesOn}) is fixed here, so a replay judges it the same way
 * whatever the configuration is later. {@code creditApplied} is account credit from earlier
 * overpayments that went to this promise the moment it was made. {@code planId} links an installment;
 * {@code replacesPromiseId} and {@code level} > 1 mark a renegotiated promise.
 */
@Revision("1")
public record PromiseMade(String customerId,
                          String promiseId,
                          Money amount,
                          LocalDate madeOn,
                          LocalDate dueDate,
                          int graceDays,
                          LocalDate windowClosesOn,
                          Channel channel,
                          boolean inWriting,
                          String reference,
                          String note,
                          String planId,
                          String replacesPromiseId,
                          int level,
                          Money creditApplied,
                          List<PromiseWarning> warnings,
                          Instant recordedAt) {

    public PromiseMade {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
