package com.promises.projections.summary;

import com.promises.core.money.Money;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.risk.Risk;
import com.promises.core.scoring.Reliability;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer's summary as clients read it. In worklist rows {@code promises} is left out.
 * {@code rebuilding} is true while the read models are being rebuilt and may not yet hold the whole history.
 */
public record CustomerSummary(String customerId, String name, String currency, Reliability reliability, Overdue overdue,
                              Risk risk, OurCommitments ourCommitments, List<PromiseLine> promises, Boolean rebuilding) {

    /** The summary as it is, with these promise lines and this rebuilding flag. */
    public CustomerSummary with(List<PromiseLine> lines, Boolean rebuildingNow) {
        return new CustomerSummary(customerId, name, currency, reliability, overdue, risk, ourCommitments, lines, rebuildingNow);
    }

    /**
     * A promise and how it stands; {@code reason} and {@code faith} are the latest reason for not paying (from the
     * break or a later explanation), {@code excused} whether one of our own misses excuses it.
     */
    public record PromiseLine(String promiseId, Money amount, LocalDate dueDate, Money paid, PromiseState state, int level,
                              Reason reason, Faith faith, boolean excused) {
    }

    /** Our own commitments to the customer (DOMAIN.md rule 7): still waiting for an answer, and missed. */
    public record OurCommitments(int open, int missed) {
    }
}
