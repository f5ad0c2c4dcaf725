package com.promises.projections.schedule;

import com.promises.core.followup.StepTaken;
import com.promises.core.promise.Faith;
import com.promises.core.scoring.RecentOutcomes;
import com.promises.projections.batch.ProcessorBatch;
import org.axonframework.messaging.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schedule writes of one processor batch, sent together just before the batch commits with the processor's
 * token. Every statement touches only its customer's rows, so a customer's statements keep their order and
 * different customers' statements may be sent together: the first statement of every customer, grouped by SQL,
 * then the second, and so on.
 *
 * <p>What the handlers need to know beforehand (the customer's last applied event and outcomes, their open
 * follow-ups, and the money on their open windows) is read once per batch for every customer of the batch, then kept
 * here as the batch changes it. Statements the batch would overwrite or undo are not sent: a window the batch deletes gets
 * none of the batch's earlier writes to it, only its delete (the row may be older than the batch).
 */
final class ScheduleBatch {

    private static final String UPSERT_CUSTOMER = """
            insert into customer_outcomes (customer_id, recent_breaks, recent_count, recent_promises, last_broken_on,
                last_sequence)
            values (?, ?, ?, ?, ?, ?)
            on conflict (customer_id) do update set recent_breaks = excluded.recent_breaks,
                recent_count = excluded.recent_count, recent_promises = excluded.recent_promises,
                last_broken_on = excluded.last_broken_on, last_sequence = excluded.last_sequence""";

    private static final String DELETE_WINDOW = "delete from promise_window where customer_id = ? and promise_id = ?";

    private final JdbcTemplate jdbc;
    private final Map<String, List<Statement>> statements = new LinkedHashMap<>();
    private final Map<String, Customer> customers = new HashMap<>();
    /** Customers of the batch not read yet; the first read takes all of them. */
    private final Set<String> toPrefetch = new LinkedHashSet<>();

    private ScheduleBatch(JdbcTemplate jdbc, List<? extends Message<?>> messages) {
        this.jdbc = jdbc;
        this.toPrefetch.addAll(ProcessorBatch.customersOf(messages));
    }

    static ScheduleBatch current(JdbcTemplate jdbc) {
        return ProcessorBatch.current(ScheduleBatch.class, messages -> new ScheduleBatch(jdbc, messages), ScheduleBatch::flush);
    }

    /**
     * Runs the handling of the customer's event at this sequence number, unless the schedule applied it before (a
     * processor delivering it again). The handling queues its statements only after everything that could fail, so
     * a failed event leaves nothing behind.
     */
    void applyAt(String customerId, long sequence, Runnable handling) {
        Customer customer = customer(customerId);
        if (sequence <= customer.lastSequence) {
            return;
        }
        handling.run();
        customer.lastSequence = sequence;
        customer.changed = true;
    }

    /** A statement on the customer's rows, sent after the customer's earlier ones. */
    void add(String customerId, String sql, Object... arguments) {
        queue(customerId).add(new Statement(sql, arguments, null));
    }

    /** A statement on the window of one promise only, sent after the customer's earlier ones unless the window is forgotten. */
    void addOnWindow(String customerId, String promiseId, String sql, Object... arguments) {
        queue(customerId).add(new Statement(sql, arguments, promiseId));
    }

    /** The promise's window is deleted; what this batch was going to write to it before is dropped. */
    void forgetWindow(String customerId, String promiseId) {
        List<Statement> queue = queue(customerId);
        queue.removeIf(statement -> promiseId.equals(statement.window()));
        queue.add(new Statement(DELETE_WINDOW, new Object[]{customerId, promiseId}, null));
        customer(customerId).paidOnWindows.remove(promiseId);
    }

    private List<Statement> queue(String customerId) {
        return statements.computeIfAbsent(customerId, k -> new ArrayList<>());
    }

    /** The customer's last valued outcomes, as stored before this batch plus what the batch has judged since. */
    Outcomes outcomes(String customerId) {
        return customer(customerId).outcomes;
    }

    void outcomesAre(String customerId, Outcomes after) {
        customer(customerId).outcomes = after;
    }

    /** The customer's open follow-ups by promise, as stored before this batch and changed by it since. */
    Map<String, OpenFollowUp> openFollowUps(String customerId) {
        return customer(customerId).openFollowUps;
    }

    /** What was paid on the promise while its window is open, as stored before this batch plus the batch's money. */
    BigDecimal paidOnWindow(String customerId, String promiseId) {
        return customer(customerId).paidOnWindows.getOrDefault(promiseId, BigDecimal.ZERO);
    }

    void paidOnWindow(String customerId, String promiseId, BigDecimal amount) {
        customer(customerId).paidOnWindows.merge(promiseId, amount, BigDecimal::add);
    }

    void windowOpenedWith(String customerId, String promiseId, BigDecimal paid) {
        customer(customerId).paidOnWindows.put(promiseId, paid);
    }

    private Customer customer(String customerId) {
        Customer customer = customers.get(customerId);
        if (customer != null) {
            return customer;
        }
        toPrefetch.add(customerId);
        Object ids = toPrefetch.toArray(String[]::new);
        toPrefetch.forEach(id -> customers.put(id, new Customer()));
        jdbc.query("""
                select customer_id, recent_breaks, recent_count, recent_promises, last_broken_on, last_sequence
                from customer_outcomes where customer_id = any(?)""", rs -> {
            Date lastBroken = rs.getDate(5);
            Customer stored = customers.get(rs.getString(1));
            String recent = rs.getString(4);
            stored.outcomes = new Outcomes(new RecentOutcomes(rs.getInt(2), rs.getInt(3),
                    recent.isEmpty() ? List.of() : List.of(recent.split(","))), lastBroken == null ? null : lastBroken.toLocalDate());
            stored.lastSequence = rs.getLong(6);
        }, ids);
        jdbc.query("""
                select customer_id, id, promise_id, still_owed, faith, habitual, repeated_soon, last_step_taken, last_step_at
                from follow_up where customer_id = any(?) and closed_at is null""", rs -> {
            Timestamp stepAt = rs.getTimestamp(9);
            String step = rs.getString(8);
            String faith = rs.getString(5);
            customers.get(rs.getString(1)).openFollowUps.put(rs.getString(3), new OpenFollowUp(rs.getString(2), rs.getString(3),
                    rs.getBigDecimal(4), faith == null ? Faith.UNKNOWN : Faith.valueOf(faith), rs.getBoolean(6), rs.getBoolean(7),
                    step == null ? null : StepTaken.valueOf(step), stepAt == null ? null : stepAt.toInstant()));
        }, ids);
        jdbc.query("select customer_id, promise_id, paid from promise_window where customer_id = any(?) and paid <> 0",
                rs -> {
                    customers.get(rs.getString(1)).paidOnWindows.put(rs.getString(2), rs.getBigDecimal(3));
                }, ids);
        toPrefetch.clear();
        return customers.get(customerId);
    }

    private void flush() {
        customers.forEach((customerId, customer) -> {
            if (customer.changed) {
                Outcomes outcomes = customer.outcomes;
                add(customerId, UPSERT_CUSTOMER, customerId, outcomes.recent().breaks(), outcomes.recent().count(),
                        String.join(",", outcomes.recent().promises()),
                        new SqlParameterValue(Types.DATE, outcomes.lastBrokenOn() == null ? null : Date.valueOf(outcomes.lastBrokenOn())),
                        customer.lastSequence);
            }
        });
        List<List<Statement>> queues = new ArrayList<>(statements.values());
        for (int wave = 0; !queues.isEmpty(); wave++) {
            Map<String, List<Object[]>> bySql = new LinkedHashMap<>();
            List<List<Statement>> remaining = new ArrayList<>();
            for (List<Statement> queue : queues) {
                Statement statement = queue.get(wave);
                bySql.computeIfAbsent(statement.sql(), k -> new ArrayList<>()).add(statement.arguments());
                if (queue.size() > wave + 1) {
                    remaining.add(queue);
                }
            }
            bySql.forEach(jdbc::batchUpdate);
            queues = remaining;
        }
        statements.clear();
        customers.clear();
    }

    /** @param window the promise whose window alone the statement writes, or null */
    private record Statement(String sql, Object[] arguments, String window) {
    }

    /** What the batch knows of a customer: read before the batch, then kept up to date by it. */
    private static final class Customer {
        Outcomes outcomes = Outcomes.NONE;
        long lastSequence = -1;
        final Map<String, OpenFollowUp> openFollowUps = new LinkedHashMap<>();
        final Map<String, BigDecimal> paidOnWindows = new HashMap<>();
        boolean changed;
    }

    /** The customer's recent valued outcomes (for the habitual-breaker rule) and the last day a promise was broken. */
    record Outcomes(RecentOutcomes recent, LocalDate lastBrokenOn) {
        static final Outcomes NONE = new Outcomes(RecentOutcomes.NONE, null);
    }
}
