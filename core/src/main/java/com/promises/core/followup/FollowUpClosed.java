package com.promises.core.followup;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** The follow-up of a broken promise was closed by a collector, with what they did about it. */
@Revision("1")
public record FollowUpClosed(String customerId, String promiseId, String note, LocalDate closedOn, Instant recordedAt) {
}
