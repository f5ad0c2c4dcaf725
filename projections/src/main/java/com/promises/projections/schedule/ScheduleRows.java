package com.promises.projections.schedule;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The schedule's tables as its projection changes them: windows still to be judged, quiet days, follow-ups and each
 * customer's recent outcomes. Writes are queued in the processor batch ({@link ScheduleBatch}) and sent before it
 * commits.
 */
@Component
class ScheduleRows {

    private final JdbcTemplate jdbc;

    ScheduleRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the handling of the customer's event at this sequence number once, however often it is delivered. */
    void applyAt(String customerId, long sequence, Runnable handling) {
        batch().applyAt(customerId, sequence, handling);
    }

    ScheduleBatch.Outcomes outcomes(String customerId) {
        return batch().outcomes(customerId);
    }

    void outcomesAre(String customerId, ScheduleBatch.Outcomes after) {
        batch().outcomesAre(customerId, after);
    }

    void windowOpened(String customerId, String promiseId, BigDecimal amount, String currency, LocalDate dueDate,
                      LocalDate windowClosesOn) {
        batch().addOnWindow(customerId, promiseId, """
                insert into promise_window (customer_id, promise_id, amount, currency, due_date, window_closes_on)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                customerId, promiseId, amount, currency, Date.valueOf(dueDate), Date.valueOf(windowClosesOn));
    }

    /** The promise no longer waits for judgement or reminders. */
    void windowClosed(String customerId, String promiseId) {
        batch().forgetWindow(customerId, promiseId);
    }

    void windowPaused(String customerId, String promiseId) {
        batch().addOnWindow(customerId, promiseId,
                "update promise_window set disputed = true where customer_id = ? and promise_id = ?", customerId, promiseId);
    }

    void windowResumed(String customerId, String promiseId, LocalDate dueDate, LocalDate windowClosesOn) {
        batch().addOnWindow(customerId, promiseId, """
                update promise_window set disputed = false, due_date = ?, window_closes_on = ?, claimed_until = null
                where customer_id = ? and promise_id = ?""",
                Date.valueOf(dueDate), Date.valueOf(windowClosesOn), customerId, promiseId);
    }

    void reminded(String customerId, String promiseId, LocalDate sentOn, LocalDate nextAllowedOn) {
        ScheduleBatch batch = batch();
        batch.add(customerId, """
                insert into customer_quiet_days (customer_id, next_allowed_on) values (?, ?)
                on conflict (customer_id) do update set next_allowed_on = excluded.next_allowed_on""",
                customerId, Date.valueOf(nextAllowedOn));
        batch.addOnWindow(customerId, promiseId,
                "update promise_window set reminded_on = ? where customer_id = ? and promise_id = ?",
                Date.valueOf(sentOn), customerId, promiseId);
    }

    /** @param id the identifier of the event that opened it, so opening it again changes nothing */
    void followUpOpened(String id, String customerId, String promiseId, EscalationStep step, Instant openedAt,
                        BigDecimal stillOwed) {
        batch().followUpOpened(customerId, """
                insert into follow_up (id, customer_id, promise_id, suggested_step, severity, opened_at, still_owed)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                id, customerId, promiseId, step.name(), step.severity(), Timestamp.from(openedAt), stillOwed);
    }

    /** The customer made a new promise: that answers their follow-ups. */
    void followUpsAnsweredByNewPromise(String customerId, Instant at) {
        batch().followUpsClosed(customerId, """
                update follow_up set closed_at = ?, closed_because = 'NEW_PROMISE' where customer_id = ? and closed_at is null""",
                Timestamp.from(at), customerId);
    }

    void paidTowardsFollowUp(String customerId, String promiseId, BigDecimal amount) {
        batch().onOpenFollowUps(customerId, """
                update follow_up set still_owed = still_owed - ? where customer_id = ? and promise_id = ? and closed_at is null""",
                amount, customerId, promiseId);
    }

    /** Follow-ups whose broken promise is now paid close. */
    void followUpsPaid(String customerId, Instant at) {
        batch().onOpenFollowUps(customerId, """
                update follow_up set closed_at = ?, closed_because = 'PAID' where customer_id = ? and closed_at is null
                  and still_owed <= 0""", Timestamp.from(at), customerId);
    }

    void followUpClosedByCollector(String customerId, String promiseId, String note, Instant at) {
        batch().onOpenFollowUps(customerId, """
                update follow_up set closed_at = ?, closed_because = 'COLLECTOR', note = ?
                where customer_id = ? and promise_id = ? and closed_at is null""",
                Timestamp.from(at), new SqlParameterValue(Types.VARCHAR, note), customerId, promiseId);
    }

    void clear() {
        jdbc.execute("truncate promise_window, customer_quiet_days, customer_outcomes, follow_up");
    }

    private ScheduleBatch batch() {
        return ScheduleBatch.current(jdbc);
    }
}
