package com.promises.core.account;

import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a payment goes (DOMAIN.md rule 2): the named promise first, then whatever is still owed,
 * oldest due date first, and what is left is account credit. Every cent is accounted for:
 * the allocations plus the credit equal the payment.
 */
final class PaymentAllocation {

    private PaymentAllocation() {
    }

    record Result(List<Allocation> allocations, Money unallocated) {
    }

    static Result allocate(Money payment, Promise named, List<Promise> promisesInOrderMade) {
        List<Allocation> allocations = new ArrayList<>();
        Money left = payment;
        if (named != null && named.canReceiveMoney()) {
            Money share = left.min(named.unpaid());
            allocations.add(new Allocation(named.id, share));
            left = left.minus(share);
        }
        List<Promise> owed = promisesInOrderMade.stream()
                .filter(p -> p != named && p.isStillOwed())
                .sorted(Comparator.comparing((Promise p) -> p.dueDate)) // stable: ties keep the order made
                .toList();
        for (Promise promise : owed) {
            if (!left.isPositive()) {
                break;
            }
            Money share = left.min(promise.unpaid());
            allocations.add(new Allocation(promise.id, share));
            left = left.minus(share);
        }
        return new Result(allocations, left);
    }
}
