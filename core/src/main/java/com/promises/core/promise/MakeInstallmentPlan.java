package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Agree several promises at once, one per installment (seed 001). Each installment names its own promise id. */
public record MakeInstallmentPlan(@TargetAggregateIdentifier String customerId,
                                  String planId,
                                  String currency,
                                  Channel channel,
                                  boolean inWriting,
                                  String note,
                                  List<Installment> installments) {

    public record Installment(String promiseId, LocalDate dueDate, Money amount) {
    }
}
