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
import java.util.Map;

/**
 * The schedule's tables as its projection changes them: windows still to be judged, quiet days, follow-ups, each
 * customer's recent outcomes, and our commitments waiting for an answer. Writes are queued in the processor batch ({@link ScheduleBatch}) and sent before it
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

    /** @param paid what is on the promise already: credit applied when it was made, or money a reversal left */
    void windowOpened(String customerId, String promiseId, BigDecimal amount, String currency, LocalDate dueDate,
                      LocalDate windowClosesOn, BigDecimal paid) {
        batch().addOnWindow(customerId, promiseId, """
                insert into promise_window (customer_id, promise_id, amount, currency, due_date, window_closes_on, paid)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                customerId, promiseId, amount, currency, Date.valueOf(dueDate), Date.valueOf(windowClosesOn), paid);
        batch().windowOpenedWith(customerId, promiseId, paid);
    }

    /** The promise no longer waits for judgement or reminders. */
    void windowClosed(String customerId, String promiseId) {
        batch().forgetWindow(customerId, promiseId);
    }

    /** Money came to (or, reversed, left) a promise that has no open follow-up; its window, if open, keeps the sum. */
    void paidOnWindow(String customerId, String promiseId, BigDecimal amount) {
        batch().addOnWindow(customerId, promiseId,
                "update promise_window set paid = paid + ? where customer_id = ? and promise_id = ?", amount, customerId, promiseId);
        batch().paidOnWindow(customerId, promiseId, amount);
    }

    BigDecimal paidOnWindow(String customerId, String promiseId) {
        return batch().paidOnWindow(customerId, promiseId);
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

    /** One of our commitments waits for its answer until the end of {@code answerBy}. */
    void commitmentWaiting(String customerId, String commitmentId, LocalDate dueDate, LocalDate answerBy) {
        batch().add(customerId, """
                insert into commitment_window (customer_id, commitment_id, due_date, answer_by) values (?, ?, ?, ?)
                on conflict do nothing""", customerId, commitmentId, Date.valueOf(dueDate), Date.valueOf(answerBy));
    }

    void commitmentAnswered(String customerId, String commitmentId) {
        batch().add(customerId, "delete from commitment_window where customer_id = ? and commitment_id = ?",
                customerId, commitmentId);
    }

    /** The customer's open follow-ups by promise, for the handlers to judge and change. */
    Map<String, OpenFollowUp> openFollowUps(String customerId) {
        return batch().openFollowUps(customerId);
    }

    /** @param followUp its id is the identifier of the event that opened it, so opening it again changes nothing */
    void followUpOpened(String customerId, OpenFollowUp followUp, Instant openedAt, BigDecimal largeAmount) {
        batch().openFollowUps(customerId).put(followUp.promiseId, followUp);
        batch().add(customerId, """
                insert into follow_up (id, customer_id, promise_id, suggested_step, severity, opened_at, still_owed, faith,
                    habitual, repeated_soon)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                followUp.id, customerId, followUp.promiseId, followUp.suggestedStep(largeAmount).name(),
                followUp.severity(largeAmount), Timestamp.from(openedAt), followUp.stillOwed, followUp.faith.name(),
                followUp.habitual, followUp.repeatedSoon);
    }

    /** What the follow-up is worked out from changed: its step, severity and the rest are written again. */
    void followUpChanged(String customerId, OpenFollowUp followUp, BigDecimal largeAmount) {
        batch().add(customerId, """
                update follow_up set suggested_step = ?, severity = ?, still_owed = ?, faith = ?, habitual = ?,
                    repeated_soon = ?, last_step_taken = ?, last_step_at = ?
                where id = ?""",
                followUp.suggestedStep(largeAmount).name(), followUp.severity(largeAmount), followUp.stillOwed,
                followUp.faith.name(), followUp.habitual, followUp.repeatedSoon,
                new SqlParameterValue(Types.VARCHAR, followUp.lastStepTaken == null ? null : followUp.lastStepTaken.name()),
                new SqlParameterValue(Types.TIMESTAMP,
                        followUp.lastStepAt == null ? null : Timestamp.from(followUp.lastStepAt)),
                followUp.id);
    }

    /** @param because NEW_PROMISE, PAID, WRITTEN_PLAN, EXCUSED, REJUDGED or COLLECTOR */
    void followUpClosed(String customerId, OpenFollowUp followUp, String because, String note, Instant at) {
        batch().openFollowUps(customerId).remove(followUp.promiseId);
        batch().add(customerId, """
                update follow_up set closed_at = ?, closed_because = ?, note = ?, still_owed = ?, last_step_taken = ?,
                    last_step_at = ?
                where id = ?""",
                Timestamp.from(at), because, new SqlParameterValue(Types.VARCHAR, note), followUp.stillOwed,
                new SqlParameterValue(Types.VARCHAR, followUp.lastStepTaken == null ? null : followUp.lastStepTaken.name()),
                new SqlParameterValue(Types.TIMESTAMP,
                        followUp.lastStepAt == null ? null : Timestamp.from(followUp.lastStepAt)),
                followUp.id);
    }

    void clear() {
        jdbc.execute("truncate promise_window, customer_quiet_days, customer_outcomes, follow_up, commitment_window");
    }

    private ScheduleBatch batch() {
        return ScheduleBatch.current(jdbc);
    }
}
