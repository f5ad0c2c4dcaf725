package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Paid in full inside the window. {@code onTime} when the last payment that completed it was
 * paid on or before the due date; otherwise it was kept within grace. {@code valuedAt} is the
 * business instant the judgement used.
 */
@Revision("1")
public record PromiseKept(String customerId,
                          String promiseId,
                          Money amount,
                          Money paid,
                          LocalDate dueDate,
                          LocalDate windowClosesOn,
                          LocalDate paidInFullOn,
                          boolean onTime,
                          ValuedBy valuedBy,
                          Instant valuedAt) {
}
