package com.promises.core.account;

import com.promises.core.promise.PromiseState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Allocation (DOMAIN.md): the named promise first, then the others still owed by due date; never a promise paid up. */
class PaymentAllocationTest {

    @Test
    void promisesPaidUpOrNoLongerOwedGetNothingNotEvenZero() {
        Promise paidUp = promise("P-1", "100", TODAY.minusDays(5), "100");
        Promise cancelled = promise("P-2", "100", TODAY.minusDays(4), "0");
        cancelled.state = PromiseState.CANCELLED;
        Promise owed = promise("P-3", "100", TODAY.plusDays(5), "40");

        var result = PaymentAllocation.allocate(cny("100"), null, List.of(paidUp, cancelled, owed));

        assertThat(result.allocations()).containsExactly(to("P-3", "60"));
        assertThat(result.unallocated()).isEqualTo(cny("40"));
    }

    @Test
    void theNamedPromiseIsPaidOnceAndTheRestFlowsToTheOthersByDueDate() {
        Promise later = promise("P-1", "100", TODAY.plusDays(20), "0");
        Promise named = promise("P-2", "100", TODAY.plusDays(10), "0");
        Promise sooner = promise("P-3", "100", TODAY.plusDays(5), "0");

        var result = PaymentAllocation.allocate(cny("250"), named, List.of(later, named, sooner));

        assertThat(result.allocations()).containsExactly(to("P-2", "100"), to("P-3", "100"), to("P-1", "50"));
        assertThat(result.unallocated()).isEqualTo(cny("0"));
    }

    private static Promise promise(String id, String amount, LocalDate due, String paid) {
        Promise promise = new Promise();
        promise.id = id;
        promise.amount = cny(amount);
        promise.madeOn = MADE_ON;
        promise.dueDate = due;
        promise.windowClosesOn = due.plusDays(3);
        if (new BigDecimal(paid).signum() > 0) {
            promise.receipts.add(new Promise.Receipt(MADE_ON, new BigDecimal(paid)));
        }
        return promise;
    }
}
