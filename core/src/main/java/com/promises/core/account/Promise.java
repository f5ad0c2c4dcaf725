package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.money.Money;
import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.Owed;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.PromiseWarning;
import com.promises.core.promise.ValuedBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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
    Channel channel;
    PromiseState state = PromiseState.OPEN;
    LocalDate disputedOn;
    String replacedBy;
    String reference;
    String note;
    String replacesPromiseId;
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
        return Money.of(Owed.unpaid(amount.amount(), paid().amount()), amount.currency());
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
                .sorted(Comparator.comparing(Receipt::paidOn))
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

    /** DOMAIN.md rule 1: an open promise paid in full inside its window is kept at once; null while it is not. */
    PromiseKept keptIfPaidInFull(String customerId, Instant now) {
        if (!isOpen() || !isPaidInFullInsideWindow()) {
            return null;
        }
        LocalDate completedOn = paidInFullOn();
        return new PromiseKept(customerId, id, amount, paid(), dueDate, windowClosesOn, completedOn,
                !completedOn.isAfter(dueDate), ValuedBy.SYSTEM, now);
    }

    /** DOMAIN.md rule 1 at the window's close of an open promise: paid in full is kept, some payment partially kept, none broken. */
    Object judgedAtClose(String customerId, Instant now) {
        if (isPaidInFullInsideWindow()) {
            return keptIfPaidInFull(customerId, now);
        }
        if (paidInsideWindow().isPositive()) {
            return new PromisePartiallyKept(customerId, id, amount, paidInsideWindow(), fractionPaidInsideWindow(), dueDate,
                    windowClosesOn, ValuedBy.SYSTEM, now);
        }
        return new PromiseBroken(customerId, id, amount, paid(), dueDate, windowClosesOn, null, Faith.UNKNOWN, null,
                ValuedBy.SYSTEM, now);
    }

    PromiseAccepted accepted() {
        return new PromiseAccepted(id, List.copyOf(warnings));
    }

    /** Tells a retry of the very command that made this promise from a clash of ids. */
    boolean wasMadeBy(MakePromise command) {
        return planId == null && replacesPromiseId == null
                && amount.equals(command.amount())
                && dueDate.equals(command.dueDate())
                && (command.madeOn() == null || madeOn.equals(command.madeOn()))
                && channel == command.channel()
                && inWriting == command.inWriting()
                && Objects.equals(reference, command.reference())
                && Objects.equals(note, command.note());
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

    /** Money still owed on it goes here when a payment names no promise. */
    boolean isStillOwed() {
        return Owed.isStillOwed(state, amount.amount(), paid().amount());
    }

    /** A payment may name it: still owed, or owed but paused by a dispute. */
    boolean canReceiveMoney() {
        return isStillOwed() || (isDisputed() && unpaid().isPositive());
    }

    /** Value equality, so an account rebuilt from its events can be compared with the one that made them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Promise that
                && level == that.level && inWriting == that.inWriting && state == that.state && channel == that.channel
                && Objects.equals(id, that.id) && Objects.equals(amount, that.amount)
                && Objects.equals(madeOn, that.madeOn) && Objects.equals(dueDate, that.dueDate)
                && Objects.equals(windowClosesOn, that.windowClosesOn) && Objects.equals(planId, that.planId)
                && Objects.equals(disputedOn, that.disputedOn) && Objects.equals(replacedBy, that.replacedBy)
                && Objects.equals(reference, that.reference) && Objects.equals(note, that.note)
                && Objects.equals(replacesPromiseId, that.replacesPromiseId)
                && Objects.equals(warnings, that.warnings) && Objects.equals(receipts, that.receipts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, dueDate);
    }
}
