package com.promises.core.account;

import com.promises.core.promise.ExplainOutcome;
import com.promises.core.promise.ExplanationAccepted;
import com.promises.core.promise.Faith;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.ValuedBy;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.FinancialSituationRecorded;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static com.promises.core.account.AccountFixtures.*;

/** DOMAIN.md rule 4 after the fact (seed 003): why a promise the clock judged was not kept, and in what faith. */
class ExplainingOutcomesTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);
    private static final PromiseMade PROMISE = promiseMade("P-1", "1000", DUE);
    private static final PromiseBroken BROKEN_BY_THE_CLOCK = brokenByTheClock(PROMISE);

    @Test
    void aBreakTheClockJudgedIsExplainedWithTheFaithItsReasonSignals() {
        account().given(registered(), PROMISE, BROKEN_BY_THE_CLOCK)
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.REFUSES, null, "says he owes us nothing"))
                .expectEvents(new OutcomeExplained(CUSTOMER, "P-1", PromiseState.BROKEN, Reason.REFUSES, Faith.BAD,
                        "says he owes us nothing", TODAY, NOW))
                .expectResultMessagePayload(new ExplanationAccepted("P-1", Reason.REFUSES, Faith.BAD));
    }

    @Test
    void anInventedCashFlowExcuseIsRecordedAsBadFaithWithANote() {
        account().given(registered(), PROMISE, BROKEN_BY_THE_CLOCK)
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.CASH_FLOW, Faith.BAD, "bought a new car the same week"))
                .expectEvents(new OutcomeExplained(CUSTOMER, "P-1", PromiseState.BROKEN, Reason.CASH_FLOW, Faith.BAD,
                        "bought a new car the same week", TODAY, NOW))
                .expectResultMessagePayload(new ExplanationAccepted("P-1", Reason.CASH_FLOW, Faith.BAD));
    }

    @Test
    void overridingTheFaithWithoutANoteIsRefused() {
        account().given(registered(), PROMISE, BROKEN_BY_THE_CLOCK)
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.CASH_FLOW, Faith.BAD, " "))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_FAITH,
                        Refusals.FAITH_OVERRIDE_NEEDS_NOTE.formatted(Reason.CASH_FLOW, Faith.GOOD, Faith.BAD)));
    }

    @Test
    void aPartiallyKeptPromiseIsExplainedToo() {
        var partly = new PromisePartiallyKept(CUSTOMER, "P-1", cny("1000"), cny("400"), new BigDecimal("0.4000"), DUE,
                DUE.plusDays(3), ValuedBy.SYSTEM, EARLIER);
        account().given(registered(), PROMISE, paid("PAY-1", "400", DUE, "0", to("P-1", "400")), partly)
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.WAITING_ON_THEIR_CUSTOMER, null, null))
                .expectEvents(new OutcomeExplained(CUSTOMER, "P-1", PromiseState.PARTIALLY_KEPT,
                        Reason.WAITING_ON_THEIR_CUSTOMER, Faith.GOOD, null, TODAY, NOW));
    }

    @Test
    void anOpenPromiseIsNotExplained() {
        account().given(registered(), promiseMade("P-1", "1000", TODAY.plusDays(5)))
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.CASH_FLOW, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_NOT_BROKEN,
                        Refusals.NOT_BROKEN.formatted("P-1", "open", "explained")));
    }

    @Test
    void aKeptPromiseIsNotExplained() {
        account().given(registered(), PROMISE, keptOn(PROMISE, DUE))
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.CASH_FLOW, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_NOT_BROKEN));
    }

    @Test
    void anExplanationNeedsAReason() {
        account().given(registered(), PROMISE, BROKEN_BY_THE_CLOCK)
                .when(new ExplainOutcome(CUSTOMER, "P-1", null, Faith.GOOD, "no idea"))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_REASON));
    }

    @Test
    void anUnknownPromiseIsNotExplained() {
        account().given(registered())
                .when(new ExplainOutcome(CUSTOMER, "P-404", Reason.CASH_FLOW, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.PROMISE_NOT_FOUND));
    }

    @Test
    void aLaterExplanationIsANewEventBesideTheEarlierOne() {
        var first = new OutcomeExplained(CUSTOMER, "P-1", PromiseState.BROKEN, Reason.CASH_FLOW, Faith.GOOD, null, TODAY, EARLIER);
        account().given(registered(), PROMISE, BROKEN_BY_THE_CLOCK, first)
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.REFUSES, null, "now refuses outright"))
                .expectEvents(new OutcomeExplained(CUSTOMER, "P-1", PromiseState.BROKEN, Reason.REFUSES, Faith.BAD,
                        "now refuses outright", TODAY, NOW));
    }

    @Test
    void theSameExplanationAgainChangesNothingAndGetsTheSameAnswer() {
        var first = new OutcomeExplained(CUSTOMER, "P-1", PromiseState.BROKEN, Reason.CASH_FLOW, Faith.GOOD, "payroll", TODAY, EARLIER);
        account().given(registered(), PROMISE, BROKEN_BY_THE_CLOCK, first)
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.CASH_FLOW, null, "payroll"))
                .expectNoEvents()
                .expectResultMessagePayload(new ExplanationAccepted("P-1", Reason.CASH_FLOW, Faith.GOOD));
    }

    @Test
    void frozenAccountsSayNothingOfFaithAndAreRecordedAsTheCustomersFinancialSituation() {
        account().given(registered(), PROMISE, BROKEN_BY_THE_CLOCK)
                .when(new ExplainOutcome(CUSTOMER, "P-1", Reason.ACCOUNTS_FROZEN, null, "bank froze the accounts"))
                .expectEvents(
                        new OutcomeExplained(CUSTOMER, "P-1", PromiseState.BROKEN, Reason.ACCOUNTS_FROZEN, Faith.UNKNOWN,
                                "bank froze the accounts", TODAY, NOW),
                        new FinancialSituationRecorded(CUSTOMER, FinancialSituation.FROZEN_ACCOUNTS, "bank froze the accounts",
                                "P-1", TODAY, NOW));
    }

    @Test
    void aBreakRecordedForFrozenAccountsRecordsTheSituationToo() {
        account().given(registered(), promiseMade("P-1", "1000", TODAY.plusDays(5)))
                .when(new RecordBrokenPromise(CUSTOMER, "P-1", Reason.ACCOUNTS_FROZEN, null))
                .expectEvents(
                        new PromiseBroken(CUSTOMER, "P-1", cny("1000"), cny("0"), TODAY.plusDays(5), TODAY.plusDays(8),
                                Reason.ACCOUNTS_FROZEN, Faith.UNKNOWN, null, ValuedBy.COLLECTOR, NOW),
                        new FinancialSituationRecorded(CUSTOMER, FinancialSituation.FROZEN_ACCOUNTS, null, "P-1", TODAY, NOW));
    }
}
