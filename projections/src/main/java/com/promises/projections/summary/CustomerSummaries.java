package com.promises.projections.summary;

import com.promises.core.account.AccountRules;
import com.promises.core.account.Rejection;
import com.promises.core.money.Money;
import com.promises.core.promise.PromiseState;
import com.promises.core.scoring.Band;
import com.promises.core.scoring.Reliability;
import com.promises.projections.rebuild.Projections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The customer summary and the managers' worklist, read from the summary tables. */
@Service
public class CustomerSummaries {

    /** How a worklist page can be ordered; each has an index behind it. */
    public enum Sort {
        DAYS_OVERDUE("s.oldest_owed_due asc nulls last, s.customer_id"),
        OVERDUE_AMOUNT("overdue_amount desc, s.customer_id"),
        SCORE("s.score asc, s.customer_id");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    public record Page(List<CustomerSummary> items, int page, int size, long total) {
    }

    /** The summary row with what is computed from its promises for today (:today). */
    private static final String SUMMARY_SELECT = """
            select s.*, (select coalesce(sum(p.amount - p.paid), 0) from customer_promise p
                         where p.customer_id = s.customer_id and p.owed and p.due_date < :today) as overdue_amount,
                        (select min(p.due_date) from customer_promise p
                         where p.customer_id = s.customer_id and p.owed and p.due_date >= :today) as next_due_date
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final AccountRules rules;
    private final Projections projections;
    private final Duration maxWait;

    CustomerSummaries(NamedParameterJdbcTemplate jdbc, Clock clock, AccountRules rules, Projections projections,
                      @Value("${promises.read.max-wait:PT2S}") Duration maxWait) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.projections = projections;
        this.maxWait = maxWait;
    }

    /**
     * The customer as of the read model. A client that has just posted a command expects to see it, so this
     * waits (up to promises.read.max-wait) until the read model has applied the customer's newest event;
     * past that it answers with what it has. Summary, promises and the customer's newest event come in one
     * query: under load every round trip to the database is a wait for a turn on the CPU.
     */
    public CustomerSummary get(String customerId) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        var parameters = new MapSqlParameterSource("customerId", customerId);
        while (true) {
            LocalDate today = today();
            parameters.addValue("today", Date.valueOf(today));
            List<Stored> found = jdbc.query(SUMMARY_SELECT + """
                    , (select max(sequencenumber) from domainevententry where aggregateidentifier = s.customer_id) as newest,
                      lines.*
                    from customer_summary s left join lateral (
                        select array_agg(promise_id order by made_order) as p_ids, array_agg(amount order by made_order) as p_amounts,
                               array_agg(paid order by made_order) as p_paid, array_agg(due_date order by made_order) as p_due,
                               array_agg(state order by made_order) as p_states, array_agg(level order by made_order) as p_levels
                        from customer_promise where customer_id = s.customer_id) lines on true
                    where s.customer_id = :customerId""", parameters,
                    (rs, n) -> new Stored(row(rs), rs.getLong("last_sequence"), rs.getLong("newest"), promises(rs, rs.getString("currency"))));
            boolean caughtUp = found.isEmpty() ? !exists(customerId) : found.get(0).newest() <= found.get(0).lastSequence();
            if (caughtUp || System.nanoTime() > deadline) {
                if (found.isEmpty()) {
                    if (exists(customerId)) {
                        throw new IllegalStateException("Customer " + customerId + " is not yet in the read model");
                    }
                    throw Rejection.CUSTOMER_NOT_FOUND.because("There is no customer " + customerId);
                }
                CustomerSummary summary = summaryOf(found.get(0).row(), today, projections.isRebuilding());
                return new CustomerSummary(summary.customerId(), summary.name(), summary.currency(), summary.reliability(),
                        summary.overdue(), found.get(0).promises(), summary.rebuilding());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the read model", e);
            }
        }
    }

    public Page worklist(String status, Band band, Sort sort, int page, int size) {
        LocalDate today = today();
        var parameters = new MapSqlParameterSource("today", Date.valueOf(today))
                .addValue("dueSoon", Date.valueOf(today.plusDays(Overdue.DUE_SOON_DAYS)))
                .addValue("status", status)
                .addValue("band", band == null ? null : band.name())
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
        String filter = "where (cast(:band as varchar) is null or s.band = :band)"
                + " and (cast(:status as varchar) is null or (" + Overdue.STATUS_SQL + ") = :status)";
        Long total = jdbc.queryForObject("select count(*) from customer_summary s " + filter, parameters, Long.class);
        List<CustomerSummary> items = query(filter + " order by " + sort.orderBy + " limit :limit offset :offset", parameters);
        return new Page(items, page, size, total == null ? 0 : total);
    }

    private List<CustomerSummary> query(String where, MapSqlParameterSource parameters) {
        LocalDate today = today();
        parameters.addValue("today", Date.valueOf(today));
        boolean rebuilding = projections.isRebuilding();
        List<Row> rows = jdbc.query(SUMMARY_SELECT + " from customer_summary s " + where, parameters, (rs, n) -> row(rs));
        List<CustomerSummary> result = new ArrayList<>();
        for (Row row : rows) {
            result.add(summaryOf(row, today, rebuilding));
        }
        return result;
    }

    private static CustomerSummary summaryOf(Row row, LocalDate today, boolean rebuilding) {
        LocalDate oldestOwedDue = row.oldestOwedDue();
        long days = Overdue.daysOverdue(oldestOwedDue, today);
        Overdue overdue = new Overdue(
                Overdue.status(oldestOwedDue, row.oldestOwedWindow(), row.nextDueDate(), row.disputed(), today),
                Money.fromStored(row.overdueAmount(), row.currency()), days, Overdue.agingBucket(days), row.openPromises(),
                row.nextDueDate());
        return new CustomerSummary(row.customerId(), row.name(), row.currency(), row.reliability(), overdue, null,
                rebuilding ? Boolean.TRUE : null);
    }

    /** The customer's promises, oldest first, from the arrays the summary query aggregates them into. */
    private static List<CustomerSummary.PromiseLine> promises(ResultSet rs, String currency) throws SQLException {
        if (rs.getArray("p_ids") == null) {
            return List.of();
        }
        String[] ids = (String[]) rs.getArray("p_ids").getArray();
        BigDecimal[] amounts = (BigDecimal[]) rs.getArray("p_amounts").getArray();
        BigDecimal[] paid = (BigDecimal[]) rs.getArray("p_paid").getArray();
        Date[] due = (Date[]) rs.getArray("p_due").getArray();
        String[] states = (String[]) rs.getArray("p_states").getArray();
        Integer[] levels = (Integer[]) rs.getArray("p_levels").getArray();
        List<CustomerSummary.PromiseLine> lines = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            lines.add(new CustomerSummary.PromiseLine(ids[i], Money.fromStored(amounts[i], currency), due[i].toLocalDate(),
                    Money.fromStored(paid[i], currency), PromiseState.valueOf(states[i]), levels[i]));
        }
        return lines;
    }

    /** The summary a view held in memory gives today, by the same rules as the stored one (for verify). */
    public CustomerSummary summarize(CustomerView view) {
        LocalDate today = today();
        LocalDate oldestOwedDue = view.oldestOwedDue();
        BigDecimal overdueAmount = view.promises.values().stream()
                .filter(p -> p.owed() && p.dueDate.isBefore(today))
                .map(CustomerView.PromiseView::unpaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate nextDue = view.promises.values().stream()
                .filter(p -> p.owed() && !p.dueDate.isBefore(today))
                .map(p -> p.dueDate).min(LocalDate::compareTo).orElse(null);
        long days = Overdue.daysOverdue(oldestOwedDue, today);
        Overdue overdue = new Overdue(Overdue.status(oldestOwedDue, view.oldestOwedWindow(), nextDue, view.disputedPromises(), today),
                Money.fromStored(overdueAmount, view.currency), days, Overdue.agingBucket(days), view.openPromises(), nextDue);
        List<CustomerSummary.PromiseLine> promises = view.promises.values().stream()
                .map(p -> new CustomerSummary.PromiseLine(p.id, Money.fromStored(p.amount, view.currency), p.dueDate,
                        Money.fromStored(p.paid, view.currency), p.state, p.level))
                .toList();
        return new CustomerSummary(view.customerId, view.name, view.currency, view.card.reliability(), overdue, promises, null);
    }

    private boolean exists(String customerId) {
        Long events = jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = :customerId",
                new MapSqlParameterSource("customerId", customerId), Long.class);
        return events != null && events > 0;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), rules.zone());
    }


    private static Row row(ResultSet rs) throws SQLException {
        Reliability reliability = new Reliability(rs.getBigDecimal("score"), Band.valueOf(rs.getString("band")),
                rs.getString("policy_version"), rs.getInt("kept"), rs.getInt("partially_kept"), rs.getInt("broken"),
                rs.getInt("renegotiated"), rs.getBoolean("habitual_breaker"));
        return new Row(rs.getString("customer_id"), rs.getString("name"), rs.getString("currency"), reliability,
                date(rs, "oldest_owed_due"), date(rs, "oldest_owed_window"), date(rs, "next_due_date"),
                rs.getInt("disputed_promises"), rs.getInt("open_promises"), rs.getBigDecimal("overdue_amount"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private record Stored(Row row, long lastSequence, long newest, List<CustomerSummary.PromiseLine> promises) {
    }

    private record Row(String customerId, String name, String currency, Reliability reliability, LocalDate oldestOwedDue,
                       LocalDate oldestOwedWindow, LocalDate nextDueDate, int disputed, int openPromises,
                       BigDecimal overdueAmount) {
    }
}
