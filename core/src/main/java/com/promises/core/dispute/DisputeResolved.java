package com.promises.core.dispute;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dispute was settled. Upheld: the promise is withdrawn and carries no weight. Rejected: it is
 * open again, its due date and window moved by {@code pausedDays}, to {@code dueDate} and {@code windowClosesOn}.
 */
@Revision("1")
public record DisputeResolved(String customerId,
                              String promiseId,
                              boolean upheld,
                              String note,
                              LocalDate resolvedOn,
                              long pausedDays,
                              LocalDate dueDate,
                              LocalDate windowClosesOn,
                              Instant recordedAt) {
}
