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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Windows still to be judged, reminders' quiet days, and follow-ups after broken promises. One processing
 * group, because all three follow the same promises; its token moves in the same transaction as its writes,
 * which each batch of the processor sends together ({@link ScheduleBatch}).
 */
@Component
@ProcessingGroup(PromiseScheduleProjection.GROUP)
class PromiseScheduleProjection {

    static final String GROUP = "promise-schedule";
    /** A second break within this many days of the last one escalates to a visit. */
    static final int REPEAT_BREAK_DAYS = 90;

    private final JdbcTemplate jdbc;

    PromiseScheduleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PromiseMade event) {
        ScheduleBatch batch = batch();
        batch.addOnWindow(event.customerId(), event.promiseId(), """
                insert into promise_window (customer_id, promise_id, amount, currency, due_date, window_closes_on)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.customerId(), event.promiseId(), event.amount().amount(), event.amount().currency(),
                Date.valueOf(event.dueDate()), Date.valueOf(event.windowClosesOn()));
        // a new promise answers the customer's follow-ups
        batch.followUpsClosed(event.customerId(), """
                update follow_up set closed_at = ?, closed_because = 'NEW_PROMISE' where customer_id = ? and closed_at is null""",
                Timestamp.from(event.recordedAt()), event.customerId());
    }

    @EventHandler
    void on(PromiseKept event) {
        judged(event.customerId(), event.promiseId());
    }

    @EventHandler
    void on(PromisePartiallyKept event) {
        judged(event.customerId(), event.promiseId());
    }

    @EventHandler
    void on(PromiseRenegotiated event) {
        judged(event.customerId(), event.promiseId());
    }

    @EventHandler
    void on(PromiseCancelled event) {
        forget(batch(), event.customerId(), event.promiseId());
    }

    @EventHandler
    void on(PromiseBroken event, EventMessage<?> message) {
        ScheduleBatch batch = batch();
        LocalDate brokenOn = event.valuedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        ScheduleBatch.Outcomes before = batch.outcomes(event.customerId());
        ScheduleBatch.Outcomes after = before.after(true, brokenOn);
        EscalationStep step = EscalationStep.after(event.faith() == Faith.BAD, after.habitualBreaker(),
                before.lastBrokenOn() != null && ChronoUnit.DAYS.between(before.lastBrokenOn(), brokenOn) <= REPEAT_BREAK_DAYS);
        forget(batch, event.customerId(), event.promiseId());
        batch.judged(event.customerId(), after);
        batch.followUpOpened(event.customerId(), """
                insert into follow_up (id, customer_id, promise_id, suggested_step, severity, opened_at, still_owed)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                message.getIdentifier(), event.customerId(), event.promiseId(), step.name(), step.severity(),
                Timestamp.from(event.valuedAt()), event.amount().amount().subtract(event.paid().amount()));
    }

    @EventHandler
    void on(PaymentRecorded event) {
        ScheduleBatch batch = batch();
        for (Allocation allocation : event.allocations()) {
            batch.onOpenFollowUps(event.customerId(), """
                    update follow_up set still_owed = still_owed - ? where customer_id = ? and promise_id = ? and closed_at is null""",
                    allocation.amount().amount(), event.customerId(), allocation.promiseId());
        }
        batch.onOpenFollowUps(event.customerId(), """
                update follow_up set closed_at = ?, closed_because = 'PAID' where customer_id = ? and closed_at is null
                  and still_owed <= 0""", Timestamp.from(event.recordedAt()), event.customerId());
    }

    @EventHandler
    void on(FollowUpClosed event) {
        batch().onOpenFollowUps(event.customerId(), """
                update follow_up set closed_at = ?, closed_because = 'COLLECTOR', note = ?
                where customer_id = ? and promise_id = ? and closed_at is null""",
                Timestamp.from(event.recordedAt()), new SqlParameterValue(Types.VARCHAR, event.note()), event.customerId(),
                event.promiseId());
    }

    @EventHandler
    void on(DisputeOpened event) {
        batch().addOnWindow(event.customerId(), event.promiseId(),
                "update promise_window set disputed = true where customer_id = ? and promise_id = ?",
                event.customerId(), event.promiseId());
    }

    @EventHandler
    void on(DisputeResolved event) {
        if (event.upheld()) {
            forget(batch(), event.customerId(), event.promiseId());
        } else {
            batch().addOnWindow(event.customerId(), event.promiseId(), """
                    update promise_window set disputed = false, due_date = ?, window_closes_on = ?, claimed_until = null
                    where customer_id = ? and promise_id = ?""",
                    Date.valueOf(event.dueDate()), Date.valueOf(event.windowClosesOn()), event.customerId(), event.promiseId());
        }
    }

    @EventHandler
    void on(ReminderSent event) {
        ScheduleBatch batch = batch();
        batch.add(event.customerId(), """
                insert into customer_quiet_days (customer_id, next_allowed_on) values (?, ?)
                on conflict (customer_id) do update set next_allowed_on = excluded.next_allowed_on""",
                event.customerId(), Date.valueOf(event.nextAllowedOn()));
        batch.addOnWindow(event.customerId(), event.promiseId(),
                "update promise_window set reminded_on = ? where customer_id = ? and promise_id = ?",
                Date.valueOf(event.sentOn()), event.customerId(), event.promiseId());
    }

    @ResetHandler
    void clear() {
        jdbc.execute("truncate promise_window, customer_quiet_days, customer_outcomes, follow_up");
    }

    private ScheduleBatch batch() {
        return ScheduleBatch.current(jdbc);
    }

    /** A kept, partly kept or renegotiated promise: no longer waits for judgement, and counts as not broken. */
    private void judged(String customerId, String promiseId) {
        ScheduleBatch batch = batch();
        ScheduleBatch.Outcomes after = batch.outcomes(customerId).after(false, null);
        forget(batch, customerId, promiseId);
        batch.judged(customerId, after);
    }

    private static void forget(ScheduleBatch batch, String customerId, String promiseId) {
        batch.forgetWindow(customerId, promiseId);
    }
}
