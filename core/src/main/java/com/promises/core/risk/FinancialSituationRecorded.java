package com.promises.core.risk;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The customer's financial situation as a collector learnt it on {@code recordedOn}. {@code promiseId} names the
 * promise whose reason for not paying told us (accounts frozen); null when it was recorded by itself.
 */
@Revision("1")
public record FinancialSituationRecorded(String customerId,
                                         FinancialSituation situation,
                                         String note,
                                         String promiseId,
                                         LocalDate recordedOn,
                                         Instant recordedAt) {
}
