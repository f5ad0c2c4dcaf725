package com.promises.projections.summary;

import com.promises.core.account.CustomerRegistered;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import com.promises.core.scoring.ScoreCard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One customer as the read side sees it, and how each event changes it. The projection loads it,
 * applies an event and stores it; the auditor's verify replays the history into a fresh one. Both go
 * through {@link #apply}, so the read model's rules live in one place.
 */
public final class CustomerView {

    final String customerId;
    String name;
    String currency;
    ScoreCard card;
    BigDecimal credit = BigDecimal.ZERO;
    long lastSequence = -1;
    /** The band of the stored summary row (null until it is first saved), for moving the band counts. */
    String storedBand;
    final Map<String, PromiseView> promises = new LinkedHashMap<>();
    final Set<String> changedPromises = new HashSet<>();

    CustomerView(String customerId, ScoreCard card) {
        this.customerId = customerId;
        this.card = card;
    }

    public static CustomerView replay(String customerId, ScoreCard start, Iterable<?> events) {
        CustomerView view = new CustomerView(customerId, start);
        long sequence = 0;
        for (Object event : events) {
            view.apply(event, sequence++);
        }
        return view;
    }

    void apply(Object event, long sequence) {
        lastSequence = sequence;
        if (event instanceof CustomerRegistered registered) {
            name = registered.name();
            currency = registered.currency();
        } else if (event instanceof PromiseMade made) {
            BigDecimal credited = made.creditApplied() == null ? BigDecimal.ZERO : made.creditApplied().amount();
            promises.put(made.promiseId(), new PromiseView(made.promiseId(), made.amount().amount(), credited,
                    made.dueDate(), made.windowClosesOn(), PromiseState.OPEN, made.level(), promises.size()));
            credit = credit.subtract(credited);
            changedPromises.add(made.promiseId());
        } else if (event instanceof PaymentRecorded payment) {
            for (Allocation allocation : payment.allocations()) {
                promise(allocation.promiseId()).paid = promise(allocation.promiseId()).paid.add(allocation.amount().amount());
                changedPromises.add(allocation.promiseId());
            }
            credit = payment.creditBalance().amount();
        } else if (event instanceof PromiseKept kept) {
            judge(kept.promiseId(), PromiseState.KEPT, event);
        } else if (event instanceof PromisePartiallyKept partial) {
            judge(partial.promiseId(), PromiseState.PARTIALLY_KEPT, event);
        } else if (event instanceof PromiseBroken broken) {
            judge(broken.promiseId(), PromiseState.BROKEN, event);
        } else if (event instanceof PromiseRenegotiated renegotiated) {
            judge(renegotiated.promiseId(), PromiseState.RENEGOTIATED, event);
        } else if (event instanceof PromiseCancelled cancelled) {
            judge(cancelled.promiseId(), PromiseState.CANCELLED, event);
        } else if (event instanceof DisputeOpened opened) {
            judge(opened.promiseId(), PromiseState.DISPUTED, event);
        } else if (event instanceof DisputeResolved resolved) {
            PromiseView promise = promise(resolved.promiseId());
            if (resolved.upheld()) {
                promise.state = PromiseState.CANCELLED;
            } else {
                promise.state = PromiseState.OPEN;
                promise.dueDate = resolved.dueDate();
                promise.windowClosesOn = resolved.windowClosesOn();
            }
            changedPromises.add(resolved.promiseId());
        }
    }

    private void judge(String promiseId, PromiseState state, Object event) {
        promise(promiseId).state = state;
        changedPromises.add(promiseId);
        card = card.apply(event);
    }

    private PromiseView promise(String promiseId) {
        PromiseView promise = promises.get(promiseId);
        if (promise == null) {
            throw new IllegalStateException("Customer " + customerId + " has no promise " + promiseId + " in the read model");
        }
        return promise;
    }

    LocalDate oldestOwedDue() {
        return owed().map(p -> p.dueDate).min(Comparator.naturalOrder()).orElse(null);
    }

    LocalDate oldestOwedWindow() {
        return owed().map(p -> p.windowClosesOn).min(Comparator.naturalOrder()).orElse(null);
    }

    int openPromises() {
        return (int) promises.values().stream().filter(p -> p.state == PromiseState.OPEN).count();
    }

    int disputedPromises() {
        return (int) promises.values().stream().filter(p -> p.state == PromiseState.DISPUTED).count();
    }

    private java.util.stream.Stream<PromiseView> owed() {
        return promises.values().stream().filter(PromiseView::owed);
    }

    /** A promise as the summary lists it. */
    static final class PromiseView {
        final String id;
        final BigDecimal amount;
        BigDecimal paid;
        LocalDate dueDate;
        LocalDate windowClosesOn;
        PromiseState state;
        final int level;
        final int order;

        PromiseView(String id, BigDecimal amount, BigDecimal paid, LocalDate dueDate, LocalDate windowClosesOn,
                    PromiseState state, int level, int order) {
            this.id = id;
            this.amount = amount;
            this.paid = paid;
            this.dueDate = dueDate;
            this.windowClosesOn = windowClosesOn;
            this.state = state;
            this.level = level;
            this.order = order;
        }

        /** Still owed: open, broken or partially kept with money unpaid. Disputed debts are paused. */
        boolean owed() {
            return (state == PromiseState.OPEN || state == PromiseState.BROKEN || state == PromiseState.PARTIALLY_KEPT)
                    && paid.compareTo(amount) < 0;
        }

        BigDecimal unpaid() {
            return amount.subtract(paid).max(BigDecimal.ZERO);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PromiseView that && level == that.level && state == that.state
                    && id.equals(that.id) && amount.compareTo(that.amount) == 0 && paid.compareTo(that.paid) == 0
                    && dueDate.equals(that.dueDate) && windowClosesOn.equals(that.windowClosesOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, state, dueDate);
        }
    }
}
