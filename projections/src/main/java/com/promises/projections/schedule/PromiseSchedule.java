package com.promises.projections.schedule;

import com.promises.core.followup.EscalationStep;
import com.promises.core.followup.StepTaken;
import com.promises.core.money.Money;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads of the schedule: promises to remind on a day, open follow-ups, windows that have closed, and our commitments
 * nobody answered in time.
 */
@Service
@EnableConfigurationProperties(ReminderTiers.class)
public class PromiseSchedule {

    public record DueReminder(String customerId, String promiseId, Money amount, LocalDate dueDate, LocalDate suggestedOn) {
    }

    /**
     * @param severity      higher is more serious ({@link com.promises.core.followup.FollowUpLadder#severity})
     * @param lastStepTaken the last step a collector recorded about it, or null
     */
    public record FollowUp(String id, String customerId, String promiseId, EscalationStep suggestedStep, int severity,
                           StepTaken lastStepTaken, Instant openedAt, Instant closedAt) {
    }

    public record ClosedWindow(String customerId, String promiseId) {
    }

    /** An open promise whose window (due date and grace days) closes on {@code windowClosesOn}. */
    public record ClosingWindow(String customerId, String promiseId, Money amount, LocalDate dueDate,
                                LocalDate windowClosesOn) {
    }

    /** One of our commitments nobody answered in time. */
    public record UnansweredCommitment(String customerId, String commitmentId) {
    }

    private final JdbcTemplate jdbc;
    private final ReminderTiers tiers;
    private final TransactionTemplate transaction;

    PromiseSchedule(JdbcTemplate jdbc, ReminderTiers tiers, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.transaction = transaction;
    }

    /**
     * Open, undisputed promises whose suggested reminder day (due date minus the lead for their amount) has
     * come by {@code on} and whose window is still open, not reminded since that day, of customers outside
     * their quiet days; largest amounts first.
     */
    public List<DueReminder> remindersDue(LocalDate on) {
        return jdbc.query("""
                select w.customer_id, w.promise_id, w.amount, w.currency, w.due_date, w.reminded_on
                from promise_window w left join customer_quiet_days q on q.customer_id = w.customer_id
                where not w.disputed and w.due_date <= ? and w.window_closes_on >= ?
                  and (q.next_allowed_on is null or q.next_allowed_on <= ?)""",
                        (rs, n) -> {
                            BigDecimal amount = rs.getBigDecimal(3);
                            LocalDate due = rs.getDate(5).toLocalDate();
                            LocalDate suggested = due.minusDays(tiers.leadDays(amount));
                            Date reminded = rs.getDate(6);
                            boolean remindedSince = reminded != null && !reminded.toLocalDate().isBefore(suggested);
                            return suggested.isAfter(on) || remindedSince ? null
                                    : new DueReminder(rs.getString(1), rs.getString(2), Money.fromStored(amount, rs.getString(4)), due, suggested);
                        },
                        Date.valueOf(on.plusDays(tiers.longestLead())), Date.valueOf(on), Date.valueOf(on))
                .stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing((DueReminder r) -> r.amount().amount()).reversed()
                        .thenComparing(DueReminder::dueDate).thenComparing(DueReminder::customerId))
                .toList();
    }

    /** Open promises whose window closes from {@code from} to {@code to}, both included; the soonest first. */
    public List<ClosingWindow> windowsClosing(LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select customer_id, promise_id, amount, currency, due_date, window_closes_on from promise_window
                        where window_closes_on between ? and ?
                        order by window_closes_on, amount desc, customer_id, promise_id""",
                (rs, n) -> new ClosingWindow(rs.getString(1), rs.getString(2),
                        Money.fromStored(rs.getBigDecimal(3), rs.getString(4)), rs.getDate(5).toLocalDate(),
                        rs.getDate(6).toLocalDate()),
                Date.valueOf(from), Date.valueOf(to));
    }

    /** Open follow-ups, most serious first, then the oldest. */
    public List<FollowUp> openFollowUps() {
        return jdbc.query(FOLLOW_UP_SELECT + " where closed_at is null order by severity desc, opened_at, id",
                (rs, n) -> followUp(rs));
    }

    public Optional<FollowUp> followUp(String id) {
        return jdbc.query(FOLLOW_UP_SELECT + " where id = ?", (rs, n) -> followUp(rs), id).stream().findFirst();
    }

    /**
     * Claims up to {@code limit} windows that closed before {@code today}: rows another sweeper holds are
     * skipped (SKIP LOCKED), and a claimed row is left alone for {@code claimFor} so two sweepers do not ask
     * for the same valuation twice in a row. Asking twice is harmless all the same: judging is idempotent.
     */
    public List<ClosedWindow> claimClosedWindows(LocalDate today, int limit, Instant now, Duration claimFor) {
        return transaction.execute(status -> jdbc.query("""
                update promise_window w set claimed_until = ?
                where (w.customer_id, w.promise_id) in (
                    select customer_id, promise_id from promise_window
                    where not disputed and window_closes_on < ? and (claimed_until is null or claimed_until < ?)
                    order by window_closes_on limit ? for update skip locked)
                returning w.customer_id, w.promise_id""",
                (rs, n) -> new ClosedWindow(rs.getString(1), rs.getString(2)),
                Timestamp.from(now.plus(claimFor)), Date.valueOf(today), Timestamp.from(now), limit));
    }

    /**
     * Claims up to {@code limit} of our commitments still unanswered after the day they had to be answered by, as
     * {@link #claimClosedWindows} claims windows: the service judges each missed, once.
     */
    public List<UnansweredCommitment> claimUnansweredCommitments(LocalDate today, int limit, Instant now, Duration claimFor) {
        return transaction.execute(status -> jdbc.query("""
                update commitment_window c set claimed_until = ?
                where (c.customer_id, c.commitment_id) in (
                    select customer_id, commitment_id from commitment_window
                    where answer_by < ? and (claimed_until is null or claimed_until < ?)
                    order by answer_by limit ? for update skip locked)
                returning c.customer_id, c.commitment_id""",
                (rs, n) -> new UnansweredCommitment(rs.getString(1), rs.getString(2)),
                Timestamp.from(now.plus(claimFor)), Date.valueOf(today), Timestamp.from(now), limit));
    }

    public void releaseCommitmentClaim(String customerId, String commitmentId) {
        jdbc.update("update commitment_window set claimed_until = null where customer_id = ? and commitment_id = ?",
                customerId, commitmentId);
    }

    /** Gives a window back to the next sweep after its valuation failed. */
    public void releaseClaim(String customerId, String promiseId) {
        jdbc.update("update promise_window set claimed_until = null where customer_id = ? and promise_id = ?", customerId, promiseId);
    }

    private static final String FOLLOW_UP_SELECT =
            "select id, customer_id, promise_id, suggested_step, severity, last_step_taken, opened_at, closed_at from follow_up";

    private static FollowUp followUp(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp(8);
        String step = rs.getString(6);
        return new FollowUp(rs.getString(1), rs.getString(2), rs.getString(3), EscalationStep.valueOf(rs.getString(4)),
                rs.getInt(5), step == null ? null : StepTaken.valueOf(step), rs.getTimestamp(7).toInstant(),
                closed == null ? null : closed.toInstant());
    }

}
