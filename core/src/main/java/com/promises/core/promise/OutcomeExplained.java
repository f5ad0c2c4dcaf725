package com.promises.core.promise;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Why a broken or partially kept promise ({@code state}) was not kept, and in what faith, as a collector explained
 * it after the judgement. It replaces any earlier explanation in the read models and in the score.
 */
@Revision("1")
public record OutcomeExplained(String customerId,
                               String promiseId,
                               PromiseState state,
                               Reason reason,
                               Faith faith,
                               String note,
                               LocalDate explainedOn,
                               Instant recordedAt) {
}
