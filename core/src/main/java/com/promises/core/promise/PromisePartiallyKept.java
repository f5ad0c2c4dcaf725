package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The window closed with something but not all of the promised amount paid inside it. */
@Revision("1")
public record PromisePartiallyKept(String customerId,
                                   String promiseId,
                                   Money amount,
                                   Money paid,
                                   BigDecimal fractionPaid,
                                   LocalDate dueDate,
                                   LocalDate windowClosesOn,
                                   ValuedBy valuedBy,
                                   Instant valuedAt) {
}
