package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The old promise was closed by an agreed extension; a PromiseMade for {@code newPromiseId}
 * (level {@code newLevel}) follows. {@code beforeDue} tells whether it was agreed on or before
 * the old due date, which the scoring policy weighs differently. What was paid stays with the old one.
 */
@Revision("1")
public record PromiseRenegotiated(String customerId,
                                  String promiseId,
                                  Money amount,
                                  Money paid,
                                  LocalDate dueDate,
                                  String newPromiseId,
                                  Money newAmount,
                                  LocalDate newDueDate,
                                  int newLevel,
                                  boolean beforeDue,
                                  Reason reason,
                                  String note,
                                  LocalDate renegotiatedOn,
                                  Instant recordedAt) {
}
