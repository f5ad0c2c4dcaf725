package com.promises.core.promise;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The promise's window closed within the excuse days after one of our own commitments that we missed (DOMAIN.md
 * rule 7, seed 002): it stays judged as it was, carries no weight in the score and opens no follow-up. Every
 * judgement of such a promise, first or again, is followed by this event.
 */
@Revision("1")
public record PromiseExcused(String customerId,
                             String promiseId,
                             LocalDate windowClosesOn,
                             String commitmentId,
                             LocalDate missedOn,
                             Instant recordedAt) {
}
