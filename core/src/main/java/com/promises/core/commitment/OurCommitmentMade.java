package com.promises.core.commitment;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * We promised the customer something due on {@code dueDate}. With no outcome recorded by the end of
 * {@code answerBy}, the service judges it missed.
 */
@Revision("1")
public record OurCommitmentMade(String customerId,
                                String commitmentId,
                                CommitmentKind kind,
                                LocalDate dueDate,
                                LocalDate answerBy,
                                String note,
                                LocalDate madeOn,
                                Instant recordedAt) {
}
