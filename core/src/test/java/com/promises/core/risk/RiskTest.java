package com.promises.core.risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000, 6.3.1: frozen accounts and money put elsewhere call for protecting ourselves whatever the faith. */
class RiskTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 6, 1);

    @ParameterizedTest(name = "{0}: credit hold {1}, {2}")
    @CsvSource({
            "FROZEN_ACCOUNTS, true, NO_GOODS_ON_CREDIT",
            "FUNDS_ELSEWHERE, true, NO_GOODS_ON_CREDIT",
            "CHAIN_DEBT, false, EXTEND_TERMS",
            "TEMPORARY_SHORTAGE, false, INSTALLMENT_PLAN",
            "FIXED_MONTHLY_INCOME, false, INSTALLMENT_PLAN",
            "RECOVERED, false, REMIND_TO_PAY"})
    void eachSituationCallsForItsAdviceAndOnlyFrozenAccountsAndFundsElsewhereHoldCredit(FinancialSituation situation,
                                                                                          boolean creditHold, Advice advice) {
        assertThat(Risk.of(situation, SINCE)).isEqualTo(new Risk(situation, SINCE, creditHold, advice));
    }

    @Test
    void withNoSituationOnRecordThereIsNoHoldAndNoAdvice() {
        assertThat(Risk.of(null, null)).isEqualTo(new Risk(null, null, false, null));
    }
}
