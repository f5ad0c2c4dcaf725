package com.promises.core.dispute;

import com.promises.core.money.Money;
import com.promises.core.promise.Reason;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

@Revision("1")
public record DisputeOpened(String customerId,
                            String promiseId,
                            Money amount,
                            LocalDate dueDate,
                            Reason reason,
                            String note,
                            LocalDate openedOn,
                            Instant recordedAt) {
}
