package com.promises.projections.schedule;

import com.promises.core.commitment.OurCommitmentMade;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.followup.EscalationStepRecorded;
import com.promises.core.followup.FollowUpClosed;
import com.promises.core.followup.FollowUpLadder;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.promise.Faith;
import com.promises.core.promise.OutcomeExplained;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import com.promises.core.reminder.ReminderSent;
import com.promises.core.scoring.ReliabilityPolicy;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.summary.ScoringPolicySettings;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows still to be judged, reminders' quiet days, follow-ups after promises not kept, and our commitments waiting
 * for an answer. One processing group, because all of them follow the same promises; its token moves in the same
 * transaction as its writes, and an event delivered again changes nothing. Follow-ups keep to {@link FollowUpLadder},
 * weighing amounts against {@code promises.warnings.written-amount}.
 */
@Component
@ProcessingGroup(PromiseScheduleProjection.GROUP)
class PromiseScheduleProjection {

    static final String GROUP = "promise-schedule";

    private final ScheduleRows rows;
    private final ReliabilityPolicy policy;
    private final BusinessCalendar calendar;
    private final BigDecimal largeAmount;

    PromiseScheduleProjection(ScheduleRows rows, ScoringPolicySettings scoring, BusinessCalendar calendar,
                              @Value("${promises.warnings.written-amount:50000}") BigDecimal largeAmount) {
        this.rows = rows;
        this.policy = scoring.policy();
        this.calendar = calendar;
        this.largeAmount = largeAmount;
    }

    /** A new promise answers the follow-ups it is enough for: a verbal one a call or a message, a written one any. */
    @EventHandler
    void on(PromiseMade event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            rows.windowOpened(event.customerId(), event.promiseId(), event.amount().amount(), event.amount().currency(),
                    event.dueDate(), event.windowClosesOn(), credited(event));
            for (OpenFollowUp followUp : List.copyOf(rows.openFollowUps(event.customerId()).values())) {
                if (FollowUpLadder.answeredByNewPromise(followUp.suggestedStep(largeAmount), event.inWriting())) {
                    rows.followUpClosed(event.customerId(), followUp, "NEW_PROMISE", null, event.recordedAt());
                }
            }
        });
    }

    @EventHandler
    void on(PromiseKept event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            valued(event.customerId(), event.promiseId(), event);
            closeFollowUp(event.customerId(), event.promiseId(), "PAID", event.valuedAt());
        });
    }

    @EventHandler
    void on(PromisePartiallyKept event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            BigDecimal stillOwed = event.amount().amount().subtract(rows.paidOnWindow(event.customerId(), event.promiseId()));
            valued(event.customerId(), event.promiseId(), event);
            notKept(event.customerId(), event.promiseId(), message.getIdentifier(), stillOwed, Faith.UNKNOWN, false,
                    event.valuedAt());
        });
    }

    @EventHandler
    void on(PromiseRenegotiated event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> valued(event.customerId(), event.promiseId(), event));
    }

    @EventHandler
    void on(PromiseBroken event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            ScheduleBatch.Outcomes before = valued(event.customerId(), event.promiseId(), event);
            LocalDate brokenOn = calendar.dateOf(event.valuedAt());
            rows.outcomesAre(event.customerId(), new ScheduleBatch.Outcomes(rows.outcomes(event.customerId()).recent(), brokenOn));
            notKept(event.customerId(), event.promiseId(), message.getIdentifier(),
                    event.amount().amount().subtract(event.paid().amount()), event.faith(), isSoonAfter(before, brokenOn),
                    event.valuedAt());
        });
    }

    /** Judged again: a promise not kept now is followed up (or its follow-up worked out again); a kept one is not. */
    @EventHandler
    void on(PromiseRejudged event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            String customerId = event.customerId();
            ScheduleBatch.Outcomes before = outcomesAfter(customerId, event);
            BigDecimal stillOwed = event.amount().amount().subtract(event.paid().amount());
            if (event.state() == PromiseState.OPEN) {
                rows.windowOpened(customerId, event.promiseId(), event.amount().amount(), event.amount().currency(),
                        event.dueDate(), event.windowClosesOn(), event.paid().amount());
            }
            if (event.state() == PromiseState.KEPT || event.state() == PromiseState.OPEN) {
                closeFollowUp(customerId, event.promiseId(), stillOwed.signum() <= 0 ? "PAID" : "REJUDGED", event.valuedAt());
                return;
            }
            OpenFollowUp open = rows.openFollowUps(customerId).get(event.promiseId());
            if (open != null) {
                open.stillOwed = stillOwed;
                rows.followUpChanged(customerId, open, largeAmount);
                return;
            }
            LocalDate brokenOn = calendar.dateOf(event.valuedAt());
            boolean soon = event.state() == PromiseState.BROKEN && isSoonAfter(before, brokenOn);
            if (event.state() == PromiseState.BROKEN) {
                rows.outcomesAre(customerId, new ScheduleBatch.Outcomes(rows.outcomes(customerId).recent(), brokenOn));
            }
            notKept(customerId, event.promiseId(), message.getIdentifier(), stillOwed, Faith.UNKNOWN, soon,
                    event.valuedAt());
        });
    }

    /** Our own miss excused it: no follow-up, and it no longer counts among the recent breaks. */
    @EventHandler
    void on(PromiseExcused event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            outcomesAfter(event.customerId(), event);
            closeFollowUp(event.customerId(), event.promiseId(), "EXCUSED", event.recordedAt());
        });
    }

    /** The follow-up goes by the latest explanation's faith (seed 003: good and bad faith call for different steps). */
    @EventHandler
    void on(OutcomeExplained event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            OpenFollowUp open = rows.openFollowUps(event.customerId()).get(event.promiseId());
            if (open != null) {
                open.faith = event.faith();
                rows.followUpChanged(event.customerId(), open, largeAmount);
            }
        });
    }

    /** A step taken moves its follow-ups up the ladder; a written plan answers them. */
    @EventHandler
    void on(EscalationStepRecorded event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            List<OpenFollowUp> about = new ArrayList<>();
            rows.openFollowUps(event.customerId()).values().stream()
                    .filter(followUp -> event.promiseId() == null || event.promiseId().equals(followUp.promiseId))
                    .forEach(about::add);
            for (OpenFollowUp followUp : about) {
                followUp.lastStepTaken = event.step();
                followUp.lastStepAt = event.recordedAt();
                if (FollowUpLadder.answeredByStep(event.step())) {
                    rows.followUpClosed(event.customerId(), followUp, "WRITTEN_PLAN", event.note(), event.recordedAt());
                } else {
                    rows.followUpChanged(event.customerId(), followUp, largeAmount);
                }
            }
        });
    }

    @EventHandler
    void on(PromiseCancelled event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(),
                () -> rows.windowClosed(event.customerId(), event.promiseId()));
    }

    /** Money on a promise followed up lowers what it still owes, and closes it once nothing is; other money waits on its window. */
    @EventHandler
    void on(PaymentRecorded event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            for (Allocation allocation : event.allocations()) {
                moneyMoved(event.customerId(), allocation.promiseId(), allocation.amount().amount(), event.recordedAt());
            }
        });
    }

    @EventHandler
    void on(PaymentReversed event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            for (Allocation allocation : event.allocationsUndone()) {
                moneyMoved(event.customerId(), allocation.promiseId(), allocation.amount().amount().negate(), event.recordedAt());
            }
            for (Allocation allocation : event.creditTakenBack()) {
                moneyMoved(event.customerId(), allocation.promiseId(), allocation.amount().amount().negate(), event.recordedAt());
            }
        });
    }

    @EventHandler
    void on(FollowUpClosed event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            OpenFollowUp open = rows.openFollowUps(event.customerId()).get(event.promiseId());
            if (open != null) {
                rows.followUpClosed(event.customerId(), open, "COLLECTOR", event.note(), event.recordedAt());
            }
        });
    }

    @EventHandler
    void on(DisputeOpened event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(),
                () -> rows.windowPaused(event.customerId(), event.promiseId()));
    }

    @EventHandler
    void on(DisputeResolved event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            if (event.upheld()) {
                rows.windowClosed(event.customerId(), event.promiseId());
            } else {
                rows.windowResumed(event.customerId(), event.promiseId(), event.dueDate(), event.windowClosesOn());
            }
        });
    }

    @EventHandler
    void on(ReminderSent event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(),
                () -> rows.reminded(event.customerId(), event.promiseId(), event.sentOn(), event.nextAllowedOn()));
    }

    @EventHandler
    void on(OurCommitmentMade event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(),
                () -> rows.commitmentWaiting(event.customerId(), event.commitmentId(), event.dueDate(), event.answerBy()));
    }

    @EventHandler
    void on(OurCommitmentOutcomeRecorded event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(),
                () -> rows.commitmentAnswered(event.customerId(), event.commitmentId()));
    }

    @ResetHandler
    void clear() {
        rows.clear();
    }

    /**
     * A judged or renegotiated promise no longer waits for judgement, and its outcome becomes the newest.
     *
     * @return the customer's outcomes before it
     */
    private ScheduleBatch.Outcomes valued(String customerId, String promiseId, Object valuation) {
        rows.windowClosed(customerId, promiseId);
        return outcomesAfter(customerId, valuation);
    }

    /**
     * The customer's recent outcomes moved on by the event, as the scoring policy moves them.
     *
     * @return the outcomes before it
     */
    private ScheduleBatch.Outcomes outcomesAfter(String customerId, Object event) {
        ScheduleBatch.Outcomes before = rows.outcomes(customerId);
        rows.outcomesAre(customerId, new ScheduleBatch.Outcomes(policy.recentOutcomesAfter(before.recent(), event),
                before.lastBrokenOn()));
        return before;
    }

    /** A promise not kept opens a follow-up for what it still owes, on the step its faith and repetition call for. */
    private void notKept(String customerId, String promiseId, String eventId, BigDecimal stillOwed, Faith faith,
                         boolean repeatedSoon, Instant at) {
        boolean habitual = policy.isHabitualBreaker(rows.outcomes(customerId).recent());
        OpenFollowUp followUp = new OpenFollowUp(eventId, promiseId, stillOwed, faith == null ? Faith.UNKNOWN : faith,
                habitual, repeatedSoon, null, null);
        rows.followUpOpened(customerId, followUp, at, largeAmount);
    }

    private void moneyMoved(String customerId, String promiseId, BigDecimal amount, Instant at) {
        OpenFollowUp open = rows.openFollowUps(customerId).get(promiseId);
        if (open == null) {
            rows.paidOnWindow(customerId, promiseId, amount);
            return;
        }
        open.stillOwed = open.stillOwed.subtract(amount);
        if (open.isPaid()) {
            rows.followUpClosed(customerId, open, "PAID", null, at);
        } else {
            rows.followUpChanged(customerId, open, largeAmount);
        }
    }

    private void closeFollowUp(String customerId, String promiseId, String because, Instant at) {
        OpenFollowUp open = rows.openFollowUps(customerId).get(promiseId);
        if (open != null) {
            rows.followUpClosed(customerId, open, because, null, at);
        }
    }

    /** A second break within {@link FollowUpLadder#REPEAT_BREAK_DAYS} business days of the last one. */
    private static boolean isSoonAfter(ScheduleBatch.Outcomes before, LocalDate brokenOn) {
        return before.lastBrokenOn() != null
                && ChronoUnit.DAYS.between(before.lastBrokenOn(), brokenOn) <= FollowUpLadder.REPEAT_BREAK_DAYS;
    }

    private static BigDecimal credited(PromiseMade event) {
        return event.creditApplied() == null ? BigDecimal.ZERO : event.creditApplied().amount();
    }
}
