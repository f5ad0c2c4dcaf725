package com.promises.core.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what the collector learnt of the customer's ability to pay (seed 000: 时刻跟踪客户信息). */
public record RecordFinancialSituation(@TargetAggregateIdentifier String customerId,
                                       FinancialSituation situation,
                                       String note) {
}
