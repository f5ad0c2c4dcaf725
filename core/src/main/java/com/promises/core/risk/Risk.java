package com.promises.core.risk;

import java.time.LocalDate;

/**
 * A customer's risk as the summary shows it: their financial situation since the day it was first recorded, whether
 * it calls for a credit hold, and what to do about it. With no situation on record there is no hold and no advice.
 */
public record Risk(FinancialSituation situation, LocalDate since, boolean creditHold, Advice advice) {

    public static final Risk UNKNOWN = new Risk(null, null, false, null);

    public static Risk of(FinancialSituation situation, LocalDate since) {
        return situation == null ? UNKNOWN : new Risk(situation, since, situation.creditHold(), situation.advice());
    }
}
