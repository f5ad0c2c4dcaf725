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
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Windows still to be judged, reminders' quiet days, and follow-ups after broken promises. One processing
 * group, because all three follow the same promises; its token moves in the same transaction as its writes.
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
        jdbc.update("""
                insert into promise_window (customer_id, promise_id, amount, currency, due_date, window_closes_on)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.customerId(), event.promiseId(), event.amount().amount(), event.amount().currency(),
                Date.valueOf(event.dueDate()), Date.valueOf(event.windowClosesOn()));
        closeAll(event.customerId(), event.recordedAt()); // a new promise answers the customer's follow-ups
    }

    @EventHandler
    void on(PromiseKept event) {
        judged(event.customerId(), event.promiseId(), false, null);
    }

    @EventHandler
    void on(PromisePartiallyKept event) {
        judged(event.customerId(), event.promiseId(), false, null);
    }

    @EventHandler
    void on(PromiseRenegotiated event) {
        judged(event.customerId(), event.promiseId(), false, null);
    }

    @EventHandler
    void on(PromiseCancelled event) {
        forget(event.customerId(), event.promiseId());
    }

    @EventHandler
    void on(PromiseBroken event, EventMessage<?> message) {
        LocalDate brokenOn = event.valuedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        Outcomes before = outcomes(event.customerId());
        judged(event.customerId(), event.promiseId(), true, brokenOn);
        Outcomes after = outcomes(event.customerId());
        EscalationStep step = EscalationStep.after(event.faith() == Faith.BAD, after.habitualBreaker(),
                before.lastBrokenOn() != null && ChronoUnit.DAYS.between(before.lastBrokenOn(), brokenOn) <= REPEAT_BREAK_DAYS);
        jdbc.update("""
                insert into follow_up (id, customer_id, promise_id, suggested_step, severity, opened_at, still_owed)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                message.getIdentifier(), event.customerId(), event.promiseId(), step.name(), step.severity(),
                Timestamp.from(event.valuedAt()), event.amount().amount().subtract(event.paid().amount()));
    }

    @EventHandler
    void on(PaymentRecorded event) {
        for (Allocation allocation : event.allocations()) {
            jdbc.update("update follow_up set still_owed = still_owed - ? where customer_id = ? and promise_id = ? and closed_at is null",
                    allocation.amount().amount(), event.customerId(), allocation.promiseId());
        }
        jdbc.update("""
                update follow_up set closed_at = ?, closed_because = 'PAID' where customer_id = ? and closed_at is null
                  and still_owed <= 0""", Timestamp.from(event.recordedAt()), event.customerId());
    }

    @EventHandler
    void on(FollowUpClosed event) {
        jdbc.update("""
                update follow_up set closed_at = ?, closed_because = 'COLLECTOR', note = ?
                where customer_id = ? and promise_id = ? and closed_at is null""",
                Timestamp.from(event.recordedAt()), event.note(), event.customerId(), event.promiseId());
    }

    @EventHandler
    void on(DisputeOpened event) {
        jdbc.update("update promise_window set disputed = true where customer_id = ? and promise_id = ?",
                event.customerId(), event.promiseId());
    }

    @EventHandler
    void on(DisputeResolved event) {
        if (event.upheld()) {
            forget(event.customerId(), event.promiseId());
        } else {
            jdbc.update("""
                    update promise_window set disputed = false, due_date = ?, window_closes_on = ?, claimed_until = null
                    where customer_id = ? and promise_id = ?""",
                    Date.valueOf(event.dueDate()), Date.valueOf(event.windowClosesOn()), event.customerId(), event.promiseId());
        }
    }

    @EventHandler
    void on(ReminderSent event) {
        jdbc.update("""
                insert into customer_quiet_days (customer_id, next_allowed_on) values (?, ?)
                on conflict (customer_id) do update set next_allowed_on = excluded.next_allowed_on""",
                event.customerId(), Date.valueOf(event.nextAllowedOn()));
        jdbc.update("update promise_window set reminded_on = ? where customer_id = ? and promise_id = ?",
                Date.valueOf(event.sentOn()), event.customerId(), event.promiseId());
    }

    @ResetHandler
    void clear() {
        jdbc.execute("truncate promise_window, customer_quiet_days, customer_outcomes, follow_up");
    }

    private void judged(String customerId, String promiseId, boolean broken, LocalDate brokenOn) {
        forget(customerId, promiseId);
        jdbc.update("""
                insert into customer_outcomes (customer_id, recent_breaks, recent_count, last_broken_on) values (?, ?, 1, ?)
                on conflict (customer_id) do update set
                    recent_breaks = ((customer_outcomes.recent_breaks << 1) | excluded.recent_breaks) & 31,
                    recent_count = least(5, customer_outcomes.recent_count + 1),
                    last_broken_on = coalesce(excluded.last_broken_on, customer_outcomes.last_broken_on)""",
                customerId, broken ? 1 : 0, broken && brokenOn != null ? Date.valueOf(brokenOn) : null);
    }

    private void forget(String customerId, String promiseId) {
        jdbc.update("delete from promise_window where customer_id = ? and promise_id = ?", customerId, promiseId);
    }

    private void closeAll(String customerId, Instant at) {
        jdbc.update("update follow_up set closed_at = ?, closed_because = 'NEW_PROMISE' where customer_id = ? and closed_at is null",
                Timestamp.from(at), customerId);
    }

    private Outcomes outcomes(String customerId) {
        List<Outcomes> found = jdbc.query("select recent_breaks, last_broken_on from customer_outcomes where customer_id = ?",
                (rs, n) -> new Outcomes(rs.getInt(1), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()), customerId);
        return found.isEmpty() ? new Outcomes(0, null) : found.get(0);
    }

    /** DOMAIN.md: three broken among the last five valued promises mark a habitual breaker. */
    private record Outcomes(int recentBreaks, LocalDate lastBrokenOn) {
        boolean habitualBreaker() {
            return Integer.bitCount(recentBreaks) >= 3;
        }
    }
}
