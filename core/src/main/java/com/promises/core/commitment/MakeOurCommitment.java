package com.promises.core.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record something we promised the customer, due on a day (DOMAIN.md rule 7: our own promises count too). */
public record MakeOurCommitment(@TargetAggregateIdentifier String customerId,
                                String commitmentId,
                                CommitmentKind kind,
                                LocalDate dueDate,
                                String note) {
}
