package com.promises.projections.summary;

import com.promises.core.money.Money;
import com.promises.core.promise.PromiseState;
import com.promises.core.scoring.Reliability;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer's summary as clients read it. In worklist rows {@code promises} is left out.
 * {@code rebuilding} is true while the read models are being rebuilt and may not yet hold the whole history.
 */
public record CustomerSummary(String customerId, String name, String currency, Reliability reliability, Overdue overdue,
                              List<PromiseLine> promises, Boolean rebuilding) {

    public record PromiseLine(String promiseId, Money amount, LocalDate dueDate, Money paid, PromiseState state, int level) {
    }
}
