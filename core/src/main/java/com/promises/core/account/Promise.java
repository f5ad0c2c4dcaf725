package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.money.Money;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.PromiseWarning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One promise inside a customer account: what was promised, what came in and when, and how it stands. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Promise {

    String id;
    Money amount;
    LocalDate madeOn;
    LocalDate dueDate;
    LocalDate windowClosesOn;
    int level;
    String planId;
    boolean inWriting;
    com.promises.core.promise.Channel channel;
    PromiseState state = PromiseState.OPEN;
    LocalDate disputedOn;
    String replacedBy;
    /** The command that made it, kept to tell a retry of the same command from a clash of ids. */
    MakePromise origin;
    List<PromiseWarning> warnings = new ArrayList<>();
    /** Every amount that reached this promise, by the date it was paid. */
    List<Receipt> receipts = new ArrayList<>();

    Promise() {
    }

    record Receipt(LocalDate paidOn, BigDecimal amount) {
    }

    Money paid() {
        BigDecimal total = BigDecimal.ZERO;
        for (Receipt receipt : receipts) {
            total = total.add(receipt.amount());
        }
        return Money.of(total, amount.currency());
    }

    Money unpaid() {
        Money rest = amount.minus(paid());
        return rest.isPositive() ? rest : Money.zero(amount.currency());
    }

    /** Only money paid on or before the window's last day counts towards keeping the promise. */
    Money paidInsideWindow() {
        BigDecimal total = BigDecimal.ZERO;
        for (Receipt receipt : receipts) {
            if (!receipt.paidOn().isAfter(windowClosesOn)) {
                total = total.add(receipt.amount());
            }
        }
        return Money.of(total, amount.currency());
    }

    /** The day the money inside the window first added up to the promised amount, or null. */
    LocalDate paidInFullOn() {
        BigDecimal total = BigDecimal.ZERO;
        List<Receipt> byDate = receipts.stream()
                .filter(r -> !r.paidOn().isAfter(windowClosesOn))
                .sorted(java.util.Comparator.comparing(Receipt::paidOn))
                .toList();
        for (Receipt receipt : byDate) {
            total = total.add(receipt.amount());
            if (total.compareTo(amount.amount()) >= 0) {
                return receipt.paidOn();
            }
        }
        return null;
    }

    BigDecimal fractionPaidInsideWindow() {
        return paidInsideWindow().amount().divide(amount.amount(), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
    }

    boolean isOpen() {
        return state == PromiseState.OPEN;
    }

    boolean isDisputed() {
        return state == PromiseState.DISPUTED;
    }

    boolean isJudged() {
        return state == PromiseState.KEPT || state == PromiseState.PARTIALLY_KEPT || state == PromiseState.BROKEN;
    }

    boolean isClosed() {
        return state == PromiseState.RENEGOTIATED || state == PromiseState.CANCELLED;
    }

    boolean windowHasClosed(LocalDate today) {
        return today.isAfter(windowClosesOn);
    }

    boolean isPaidInFullInsideWindow() {
        return paidInsideWindow().isAtLeast(amount);
    }

    /** Still owed: money can go to it. A judged promise keeps its outcome but its debt remains. */
    boolean canReceiveMoney() {
        return !isClosed() && unpaid().isPositive();
    }
}
