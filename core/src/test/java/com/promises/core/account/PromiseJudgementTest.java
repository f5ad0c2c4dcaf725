package com.promises.core.account;

import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static com.promises.core.account.AccountFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One promise's own rules, on the promise itself: its judgement at the close of its window by the money paid inside
 * it (DOMAIN.md rule 1), whether a payment may name it, whether a repeated command is the one that made it, and its
 * value equality (what the snapshot test compares rebuilt accounts by).
 */
class PromiseJudgementTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);
    private static final LocalDate WINDOW = DUE.plusDays(3);

    @Test
    void paidInFullInsideTheWindowIsKeptAtTheClose() {
        Promise promise = promise("1000", receipt(DUE.minusDays(1), "600"), receipt(WINDOW, "400"));

        assertThat(promise.judgedAtClose(CUSTOMER, NOW)).isEqualTo(new PromiseKept(CUSTOMER, "P-1", cny("1000"),
                cny("1000"), DUE, WINDOW, WINDOW, false, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void paidInPartInsideTheWindowIsPartiallyKeptByTheShareInside() {
        Promise promise = promise("1000", receipt(DUE, "250"), receipt(WINDOW.plusDays(1), "750"));

        assertThat(promise.judgedAtClose(CUSTOMER, NOW)).isEqualTo(new PromisePartiallyKept(CUSTOMER, "P-1", cny("1000"),
                cny("250"), new BigDecimal("0.2500"), DUE, WINDOW, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void nothingInsideTheWindowIsBroken() {
        Promise promise = promise("1000", receipt(WINDOW.plusDays(1), "1000"));

        assertThat(promise.judgedAtClose(CUSTOMER, NOW)).isEqualTo(new PromiseBroken(CUSTOMER, "P-1", cny("1000"),
                cny("1000"), DUE, WINDOW, null, Faith.UNKNOWN, null, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void aPaymentMayNameAPromiseStillOwedOrDisputedWithMoneyOwed() {
        assertThat(promise("1000").canReceiveMoney()).isTrue();
        assertThat(promise("1000", receipt(DUE, "1000")).canReceiveMoney()).as("paid in full").isFalse();

        Promise disputed = promise("1000", receipt(DUE, "400"));
        disputed.state = PromiseState.DISPUTED;
        assertThat(disputed.canReceiveMoney()).isTrue();
        Promise disputedAndPaid = promise("1000", receipt(DUE, "1000"));
        disputedAndPaid.state = PromiseState.DISPUTED;
        assertThat(disputedAndPaid.canReceiveMoney()).isFalse();
        Promise cancelled = promise("1000");
        cancelled.state = PromiseState.CANCELLED;
        assertThat(cancelled.canReceiveMoney()).isFalse();
    }

    @Test
    void aRepeatedCommandIsTheOneThatMadeItOnlyWithTheSameTerms() {
        Promise promise = promise("1000");

        assertThat(promise.wasMadeBy(make(null, "INV-7"))).as("no date given: today's").isTrue();
        assertThat(promise.wasMadeBy(make(MADE_ON, "INV-7"))).isTrue();
        assertThat(promise.wasMadeBy(make(MADE_ON.minusDays(1), "INV-7"))).as("another date").isFalse();
        assertThat(promise.wasMadeBy(make(MADE_ON, "INV-8"))).as("another reference").isFalse();
        assertThat(promise.wasMadeBy(new MakePromise(CUSTOMER, "P-1", cny("1000"), DUE.plusDays(1), MADE_ON, Channel.PHONE,
                false, "INV-7", null))).as("another due date").isFalse();
        assertThat(promise.wasMadeBy(new MakePromise(CUSTOMER, "P-1", cny("1000"), DUE, MADE_ON, Channel.PHONE,
                true, "INV-7", null))).as("in writing").isFalse();
    }

    @Test
    void equalPromisesAreEqualAndAnyDifferenceMakesThemUnequal() {
        Promise one = promise("1000", receipt(DUE, "100"));
        Promise same = promise("1000", receipt(DUE, "100"));
        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo("P-1");

        Promise otherReceipt = promise("1000", receipt(DUE, "200"));
        Promise otherState = promise("1000", receipt(DUE, "100"));
        otherState.state = PromiseState.BROKEN;
        Promise excused = promise("1000", receipt(DUE, "100"));
        excused.excused = true;
        assertThat(one).isNotEqualTo(otherReceipt).isNotEqualTo(otherState).isNotEqualTo(excused);
        assertThat(one.hashCode()).isNotEqualTo(otherState.hashCode());
    }

    private static MakePromise make(LocalDate madeOn, String reference) {
        return new MakePromise(CUSTOMER, "P-1", cny("1000"), DUE, madeOn, Channel.PHONE, false, reference, null);
    }

    private static Promise.Receipt receipt(LocalDate paidOn, String amount) {
        return new Promise.Receipt(paidOn, new BigDecimal(amount));
    }

    private static Promise promise(String amount, Promise.Receipt... receipts) {
        Promise promise = new Promise();
        promise.id = "P-1";
        promise.amount = cny(amount);
        promise.madeOn = MADE_ON;
        promise.dueDate = DUE;
        promise.windowClosesOn = WINDOW;
        promise.level = 1;
        promise.channel = Channel.PHONE;
        promise.reference = "INV-7";
        promise.receipts.addAll(java.util.List.of(receipts));
        return promise;
    }
}
