package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The promise was broken: recorded by a collector (with a reason) or found by the service when
 * the window closed with nothing paid (reason null, faith UNKNOWN). {@code paid} shows anything
 * that had been paid when it was judged.
 */
@Revision("1")
public record PromiseBroken(String customerId,
                            String promiseId,
                            Money amount,
                            Money paid,
                            LocalDate dueDate,
                            LocalDate windowClosesOn,
                            Reason reason,
                            Faith faith,
                            String note,
                            ValuedBy valuedBy,
                            Instant valuedAt) {
}
