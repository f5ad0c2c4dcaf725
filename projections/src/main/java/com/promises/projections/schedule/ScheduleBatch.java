package com.promises.projections.schedule;

import com.promises.projections.batch.ProcessorBatch;
import org.axonframework.messaging.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.Date;
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
 * The schedule writes of one processor batch. Handlers add statements here instead of sending each on its own
 * (one to four per event were half the rebuild's database time); just before the batch commits with the
 * processor's token they go out as JDBC batches. Every statement touches only its customer's rows, so a
 * customer's statements keep their order and different customers' statements may be sent together: the
 * first statement of every customer, grouped by SQL, then the second, and so on.
 *
 * <p>What the handlers need to know beforehand (the customer's last outcomes, for the escalation ladder, and
 * whether the customer has open follow-ups at all) is read once per batch for every customer of the batch,
 * and then kept here as the batch changes it.
 *
 * <p>Statements the batch would overwrite or undo are not sent: only the customer's last outcomes are written,
 * and a window the batch deletes gets none of the batch's earlier writes, only its delete (the row may be
 * older than the batch). In a rebuild, where a page holds most of a customer's history, most windows are made
 * and judged in the same batch.
 *
 * <p>A handler adds its statements only after everything that could fail, so an event that fails (and goes to
 * the dead-letter queue) leaves nothing behind.
 */
final class ScheduleBatch {

    private static final String UPSERT_OUTCOMES = """
            insert into customer_outcomes (customer_id, recent_breaks, recent_count, last_broken_on) values (?, ?, ?, ?)
            on conflict (customer_id) do update set recent_breaks = excluded.recent_breaks,
                recent_count = excluded.recent_count, last_broken_on = excluded.last_broken_on""";

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
    }

    private List<Statement> queue(String customerId) {
        return statements.computeIfAbsent(customerId, k -> new ArrayList<>());
    }

    /** The customer's last valued outcomes, as stored before this batch plus what the batch has judged since. */
    Outcomes outcomes(String customerId) {
        return customer(customerId).outcomes;
    }

    void judged(String customerId, Outcomes after) {
        customer(customerId).outcomes = after;
        queue(customerId).removeIf(statement -> UPSERT_OUTCOMES.equals(statement.sql())); // only the newest is worth writing
        add(customerId, UPSERT_OUTCOMES, customerId, after.recentBreaks(), after.recentCount(),
                new SqlParameterValue(Types.DATE, after.lastBrokenOn() == null ? null : Date.valueOf(after.lastBrokenOn())));
    }

    /**
     * A statement on the customer's open follow-ups, left out when there are none: most customers have none,
     * and these updates were a third of the rebuild's database time.
     */
    void onOpenFollowUps(String customerId, String sql, Object... arguments) {
        if (customer(customerId).openFollowUps) {
            add(customerId, sql, arguments);
        }
    }

    void followUpOpened(String customerId, String sql, Object... arguments) {
        customer(customerId).openFollowUps = true;
        add(customerId, sql, arguments);
    }

    /** Every open follow-up of the customer is closed by this statement. */
    void followUpsClosed(String customerId, String sql, Object... arguments) {
        onOpenFollowUps(customerId, sql, arguments);
        customer(customerId).openFollowUps = false;
    }

    private Customer customer(String customerId) {
        Customer customer = customers.get(customerId);
        if (customer != null) {
            return customer;
        }
        toPrefetch.add(customerId);
        Object ids = toPrefetch.toArray(String[]::new);
        toPrefetch.forEach(id -> customers.put(id, new Customer()));
        jdbc.query("select customer_id, recent_breaks, recent_count, last_broken_on from customer_outcomes where customer_id = any(?)",
                rs -> {
                    Date lastBroken = rs.getDate(4);
                    customers.get(rs.getString(1)).outcomes =
                            new Outcomes(rs.getInt(2), rs.getInt(3), lastBroken == null ? null : lastBroken.toLocalDate());
                }, ids);
        jdbc.query("select distinct customer_id from follow_up where customer_id = any(?) and closed_at is null",
                rs -> {
                    customers.get(rs.getString(1)).openFollowUps = true;
                }, ids);
        toPrefetch.clear();
        return customers.get(customerId);
    }

    private void flush() {
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
        boolean openFollowUps;
    }

    /**
     * The last five valued outcomes as bits (1 = broken, newest lowest) and the last day a promise was broken.
     * DOMAIN.md: three broken among the last five mark a habitual breaker.
     */
    record Outcomes(int recentBreaks, int recentCount, LocalDate lastBrokenOn) {

        static final Outcomes NONE = new Outcomes(0, 0, null);

        Outcomes after(boolean broken, LocalDate brokenOn) {
            return new Outcomes(((recentBreaks << 1) | (broken ? 1 : 0)) & 31, Math.min(5, recentCount + 1),
                    broken && brokenOn != null ? brokenOn : lastBrokenOn);
        }

        boolean habitualBreaker() {
            return Integer.bitCount(recentBreaks) >= 3;
        }
    }
}
