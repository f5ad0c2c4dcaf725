package com.promises.projections.schedule;

import com.promises.core.dispute.DisputeOpened;
import com.promises.core.dispute.DisputeResolved;
import com.promises.core.followup.FollowUpClosed;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseCancelled;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.reminder.ReminderSent;
import com.promises.core.scoring.ReliabilityPolicy;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.summary.ScoringPolicySettings;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Windows still to be judged, reminders' quiet days, and follow-ups after broken promises. One processing group,
 * because all three follow the same promises; its token moves in the same transaction as its writes, and an event
 * delivered again changes nothing.
 */
@Component
@ProcessingGroup(PromiseScheduleProjection.GROUP)
class PromiseScheduleProjection {

    static final String GROUP = "promise-schedule";
    /** A second break within this many days of the last one escalates to a visit. */
    static final int REPEAT_BREAK_DAYS = 90;

    private final ScheduleRows rows;
    private final ReliabilityPolicy policy;
    private final BusinessCalendar calendar;

    PromiseScheduleProjection(ScheduleRows rows, ScoringPolicySettings scoring, BusinessCalendar calendar) {
        this.rows = rows;
        this.policy = scoring.policy();
        this.calendar = calendar;
    }

    @EventHandler
    void on(PromiseMade event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            rows.windowOpened(event.customerId(), event.promiseId(), event.amount().amount(), event.amount().currency(),
                    event.dueDate(), event.windowClosesOn());
            rows.followUpsAnsweredByNewPromise(event.customerId(), event.recordedAt());
        });
    }

    @EventHandler
    void on(PromiseKept event, DomainEventMessage<?> message) {
        valued(event.customerId(), event.promiseId(), event, message);
    }

    @EventHandler
    void on(PromisePartiallyKept event, DomainEventMessage<?> message) {
        valued(event.customerId(), event.promiseId(), event, message);
    }

    @EventHandler
    void on(PromiseRenegotiated event, DomainEventMessage<?> message) {
        valued(event.customerId(), event.promiseId(), event, message);
    }

    @EventHandler
    void on(PromiseBroken event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            LocalDate brokenOn = calendar.dateOf(event.valuedAt());
            ScheduleBatch.Outcomes before = rows.outcomes(event.customerId());
            ScheduleBatch.Outcomes after = new ScheduleBatch.Outcomes(policy.recentOutcomesAfter(before.recent(), event), brokenOn);
            boolean secondBreakSoon = before.lastBrokenOn() != null
                    && ChronoUnit.DAYS.between(before.lastBrokenOn(), brokenOn) <= REPEAT_BREAK_DAYS;
            EscalationStep step = EscalationStep.after(event.faith() == Faith.BAD,
                    policy.isHabitualBreaker(after.recent()), secondBreakSoon);
            rows.windowClosed(event.customerId(), event.promiseId());
            rows.outcomesAre(event.customerId(), after);
            rows.followUpOpened(message.getIdentifier(), event.customerId(), event.promiseId(), step, event.valuedAt(),
                    event.amount().amount().subtract(event.paid().amount()));
        });
    }

    @EventHandler
    void on(PromiseCancelled event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(),
                () -> rows.windowClosed(event.customerId(), event.promiseId()));
    }

    @EventHandler
    void on(PaymentRecorded event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(), () -> {
            for (Allocation allocation : event.allocations()) {
                rows.paidTowardsFollowUp(event.customerId(), allocation.promiseId(), allocation.amount().amount());
            }
            rows.followUpsPaid(event.customerId(), event.recordedAt());
        });
    }

    @EventHandler
    void on(FollowUpClosed event, DomainEventMessage<?> message) {
        rows.applyAt(event.customerId(), message.getSequenceNumber(),
                () -> rows.followUpClosedByCollector(event.customerId(), event.promiseId(), event.note(), event.recordedAt()));
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

    @ResetHandler
    void clear() {
        rows.clear();
    }

    /** A kept, partly kept or renegotiated promise: no longer waits for judgement, and counts as not broken. */
    private void valued(String customerId, String promiseId, Object valuation, DomainEventMessage<?> message) {
        rows.applyAt(customerId, message.getSequenceNumber(), () -> {
            ScheduleBatch.Outcomes before = rows.outcomes(customerId);
            rows.windowClosed(customerId, promiseId);
            rows.outcomesAre(customerId, new ScheduleBatch.Outcomes(policy.recentOutcomesAfter(before.recent(), valuation),
                    before.lastBrokenOn()));
        });
    }
}
