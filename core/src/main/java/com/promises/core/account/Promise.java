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
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RejudgedBecause;
import com.promises.core.promise.PromiseWarning;
import com.promises.core.promise.ValuedBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
    /** Every amount that reached this promise, by the date it was paid; a reversal adds its negative on the same date. */
    List<Receipt> receipts = new ArrayList<>();
    /** Account credit this promise received and still holds (a reversal may take it back). */
    BigDecimal creditHeld = BigDecimal.ZERO;
    /** The details of its judgement, so a judgement again tells whether anything changed. */
    boolean onTime;
    BigDecimal fractionPaid;
    /** The latest reason for not paying, its faith and note, from the break or a later explanation. */
    Reason reason;
    Faith faith;
    String reasonNote;
    boolean excused;
    boolean followUpClosed;

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

    /**
     * The day the money inside the window first added up to the promised amount, or null. Counted a day at a time: a
     * reversal adds its negative on the payment's own day, so money that was reversed never counts, not even at first.
     */
    LocalDate paidInFullOn() {
        Map<LocalDate, BigDecimal> byDate = new TreeMap<>();
        for (Receipt receipt : receipts) {
            if (!receipt.paidOn().isAfter(windowClosesOn)) {
                byDate.merge(receipt.paidOn(), receipt.amount(), BigDecimal::add);
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> day : byDate.entrySet()) {
            total = total.add(day.getValue());
            if (total.compareTo(amount.amount()) >= 0) {
                return day.getKey();
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

    /**
     * After the money under this judged promise changed: its judgement from the money that now counts (rule 1), or
     * null when it stands as it was. With its window closed it is judged as at the close. With the window still open,
     * a promise kept early that is no longer paid in full waits for its window again (OPEN); any other judgement
     * made before the close (a collector's break) stands until then.
     */
    PromiseRejudged judgedAgain(String customerId, LocalDate today, RejudgedBecause because, String paymentId, Instant now) {
        if (!isJudged()) {
            return null;
        }
        boolean closed = windowHasClosed(today);
        if (!closed && state != PromiseState.KEPT) {
            return null;
        }
        LocalDate fullOn = paidInFullOn();
        PromiseState judged;
        BigDecimal fraction = null;
        if (fullOn != null) {
            judged = PromiseState.KEPT;
        } else if (!closed) {
            judged = PromiseState.OPEN;
        } else if (paidInsideWindow().isPositive()) {
            judged = PromiseState.PARTIALLY_KEPT;
            fraction = fractionPaidInsideWindow();
        } else {
            judged = PromiseState.BROKEN;
        }
        boolean keptOnTime = fullOn != null && !fullOn.isAfter(dueDate);
        boolean same = judged == state && (judged != PromiseState.KEPT || keptOnTime == onTime)
                && (judged != PromiseState.PARTIALLY_KEPT || fraction.compareTo(fractionPaid) == 0);
        if (same) {
            return null;
        }
        return new PromiseRejudged(customerId, id, amount, paid(), fraction, dueDate, windowClosesOn, state,
                judged, fullOn, keptOnTime, because, paymentId, now);
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
                && Objects.equals(warnings, that.warnings) && Objects.equals(receipts, that.receipts)
                && creditHeld.compareTo(that.creditHeld) == 0 && onTime == that.onTime
                && Objects.equals(fractionPaid, that.fractionPaid) && reason == that.reason && faith == that.faith
                && Objects.equals(reasonNote, that.reasonNote) && excused == that.excused
                && followUpClosed == that.followUpClosed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, dueDate);
    }
}
