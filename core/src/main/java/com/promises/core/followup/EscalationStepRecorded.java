package com.promises.core.followup;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A collector took a step about a promise ({@code promiseId}) or, when it is null, about every open follow-up of the customer. */
@Revision("1")
public record EscalationStepRecorded(String customerId,
                                     StepTaken step,
                                     String promiseId,
                                     String note,
                                     String documentReference,
                                     LocalDate takenOn,
                                     Instant recordedAt) {
}
