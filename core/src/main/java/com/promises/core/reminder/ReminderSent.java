package com.promises.core.reminder;

import com.promises.core.promise.Channel;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A reminder went out; none other to this customer until {@code nextAllowedOn} (the quiet days). */
@Revision("1")
public record ReminderSent(String customerId,
                           String promiseId,
                           Channel channel,
                           String note,
                           LocalDate sentOn,
                           LocalDate dueDate,
                           LocalDate nextAllowedOn,
                           Instant recordedAt) {
}
