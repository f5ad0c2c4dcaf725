package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

@Revision("1")
public record PromiseCancelled(String customerId,
                               String promiseId,
                               Money amount,
                               Money paid,
                               LocalDate dueDate,
                               String note,
                               LocalDate cancelledOn,
                               Instant recordedAt) {
}
