package com.promises.core.commitment;

import com.promises.core.promise.ValuedBy;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How one of our commitments ended, recorded by a collector or, when nobody answered in time, found missed by the
 * service. A miss excuses the customer's promises whose windows close from {@code dueDate} to {@code excusesUntil}
 * (the excuse days in force when it was recorded); it is null for the other outcomes.
 */
@Revision("1")
public record OurCommitmentOutcomeRecorded(String customerId,
                                           String commitmentId,
                                           CommitmentKind kind,
                                           LocalDate dueDate,
                                           CommitmentOutcome outcome,
                                           String note,
                                           LocalDate excusesUntil,
                                           ValuedBy recordedBy,
                                           LocalDate recordedOn,
                                           Instant recordedAt) {
}
