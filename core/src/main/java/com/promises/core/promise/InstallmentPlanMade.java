package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An installment plan was agreed; a PromiseMade for each installment follows it in the same stream. */
@Revision("1")
public record InstallmentPlanMade(String customerId,
                                  String planId,
                                  Money total,
                                  Channel channel,
                                  boolean inWriting,
                                  String note,
                                  LocalDate madeOn,
                                  List<MakeInstallmentPlan.Installment> installments,
                                  Instant recordedAt) {

    public InstallmentPlanMade {
        installments = List.copyOf(installments);
    }
}
