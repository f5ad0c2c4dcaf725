package com.promises.projections.summary;

import com.promises.core.money.Money;
import com.promises.core.overdue.AgingBucket;
import com.promises.core.overdue.OverdueStanding;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.Risk;
import com.promises.core.scoring.Band;
import com.promises.core.scoring.Reliability;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.CustomerNotFoundException;
import com.promises.projections.history.EventHistory;
import com.promises.projections.rebuild.Rebuilding;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The customer summary and the managers' worklist, read from the summary tables. */
@Service
public class CustomerSummaries {

    /** How a worklist page can be ordered; each has an index behind it. */
    public enum Sort { DAYS_OVERDUE, OVERDUE_AMOUNT, SCORE }

    public record Page(List<CustomerSummary> items, int page, int size, long total) {
    }

    /**
     * The summary row with what is owed on its promises for today (:today): the SQL twin of {@link OverdueStanding},
     * pinned to it by a test over a table of cases.
     */
    static final String SUMMARY_SELECT = """
            select s.*, (select coalesce(sum(p.amount - p.paid), 0) from customer_promise p
                         where p.customer_id = s.customer_id and p.owed and p.due_date < :today) as overdue_amount,
                        (select min(p.due_date) from customer_promise p
                         where p.customer_id = s.customer_id and p.owed and p.due_date >= :today) as next_due_date
            """;

    /** {@link OverdueStanding#status}, over a summary row's stored dates, for the worklist's filter. */
    static final String STATUS_SQL = """
            case when s.oldest_owed_window < :today then 'OVERDUE'
                 when s.oldest_owed_due < :today then 'IN_GRACE'
                 when s.disputed_promises > 0 then 'DISPUTED'
                 when s.oldest_owed_due <= :dueSoon then 'DUE_SOON'
                 else 'CURRENT' end""";

    /** Days since the oldest unpaid due date, as {@link OverdueStanding#daysOverdue} counts them. */
    static final String DAYS_OVERDUE_SQL = "(case when s.oldest_owed_due < :today then :today - s.oldest_owed_due else 0 end)";

    private static final Logger log = LoggerFactory.getLogger(CustomerSummaries.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final Rebuilding rebuilding;
    private final CustomerViewStore store;
    private final CustomerViewReplay replay;
    private final EventHistory history;
    /** A read-only transaction that sees one snapshot, so a view's summary and promises match. */
    private final TransactionTemplate snapshot;

    CustomerSummaries(NamedParameterJdbcTemplate jdbc, Clock clock, BusinessCalendar calendar, Rebuilding rebuilding,
                      CustomerViewStore store, CustomerViewReplay replay, EventHistory history,
                      PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
        this.rebuilding = rebuilding;
        this.store = store;
        this.replay = replay;
        this.history = history;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The customer as of the newest event. Usually the read model holds it, and the summary, its promises and the
     * customer's newest sequence number come in one query. When the read model has not yet applied the customer's
     * newest events (a client reading right after its own command), they are applied here to the stored view, by
     * the projection's own handlers, instead of waiting for the projection.
     */
    public CustomerSummary get(String customerId) {
        LocalDate today = calendar.today(clock);
        boolean rebuilding = this.rebuilding.isRebuilding();
        var parameters = new MapSqlParameterSource("customerId", customerId).addValue("today", Date.valueOf(today));
        List<Stored> found = jdbc.query(SUMMARY_SELECT + """
                , customer_newest_sequence(s.customer_id) as newest, lines.*
                from customer_summary s left join lateral (
                    select array_agg(promise_id order by made_order) as p_ids, array_agg(amount order by made_order) as p_amounts,
                           array_agg(paid order by made_order) as p_paid, array_agg(due_date order by made_order) as p_due,
                           array_agg(state order by made_order) as p_states, array_agg(level order by made_order) as p_levels,
                           array_agg(reason order by made_order) as p_reasons, array_agg(faith order by made_order) as p_faiths,
                           array_agg(excused order by made_order) as p_excused
                    from customer_promise where customer_id = s.customer_id) lines on true
                where s.customer_id = :customerId""", parameters,
                (rs, n) -> new Stored(row(rs), rs.getLong("last_sequence"), rs.getLong("newest"), promises(rs, rs.getString("currency"))));
        Stored stored = found.isEmpty() ? null : found.get(0);
        if (stored != null && stored.newest() <= stored.lastSequence()) {
            return withPromises(summaryOf(stored.row(), today, rebuilding), stored.promises());
        }
        Optional<CustomerSummary> current = withUnappliedEvents(customerId);
        if (current.isPresent()) {
            CustomerSummary summary = current.get();
            return rebuilding ? summary.with(summary.promises(), Boolean.TRUE) : summary;
        }
        if (stored == null) {
            if (history.lastSequence(customerId).isPresent()) {
                throw new IllegalStateException("Customer " + customerId + " is not yet in the read model");
            }
            throw new CustomerNotFoundException(customerId);
        }
        return withPromises(summaryOf(stored.row(), today, rebuilding), stored.promises());
    }

    /**
     * The stored view (read in one snapshot) with the customer's events after it applied; empty when the customer
     * has no events, or when one of them cannot be applied (the projection sends such an event to its dead-letter
     * queue, and the stored view is then the best answer).
     */
    private Optional<CustomerSummary> withUnappliedEvents(String customerId) {
        CustomerView view = snapshot.execute(status -> store.load(customerId));
        if (view == null) {
            view = store.create(customerId);
        }
        List<? extends DomainEventMessage<?>> unapplied = history.events(customerId, view.lastSequence + 1);
        if (unapplied.isEmpty() && view.lastSequence < 0) {
            return Optional.empty();
        }
        try {
            replay.applied(view, unapplied);
        } catch (RuntimeException unappliable) {
            log.debug("Customer {}: an event after sequence {} cannot be applied (it waits in the dead-letter queue); "
                    + "answering with the stored view", customerId, view.lastSequence, unappliable);
            return Optional.empty();
        }
        return Optional.of(summarize(view));
    }

    private static CustomerSummary withPromises(CustomerSummary summary, List<CustomerSummary.PromiseLine> promises) {
        return summary.with(promises, summary.rebuilding());
    }

    public Page worklist(String status, Band band, Sort sort, int page, int size) {
        return worklist(status, band, null, sort, page, size);
    }

    /** @param creditHold only customers whose situation holds credit (true), only the others (false), or all (null) */
    public Page worklist(String status, Band band, Boolean creditHold, Sort sort, int page, int size) {
        return worklist(status, band, creditHold, null, sort, page, size);
    }

    /** @param aging only customers whose oldest unpaid due date lies in this bucket, or all (null) */
    public Page worklist(String status, Band band, Boolean creditHold, AgingBucket aging, Sort sort, int page, int size) {
        LocalDate today = calendar.today(clock);
        var parameters = filterParameters(today, status, band, creditHold, aging)
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
        String filter = FILTER + " and (cast(:agingFrom as bigint) is null or " + DAYS_OVERDUE_SQL
                + " between :agingFrom and :agingTo)";
        // Without a status, a credit hold or a bucket (the usual page) the total comes from the band counts; a status
        // and a bucket depend on today, so that total is counted, and so is the total of those on hold or not.
        Long total = status == null && creditHold == null && aging == null
                ? jdbc.queryForObject("select coalesce(sum(customers), 0) from customer_band_count"
                + " where cast(:band as varchar) is null or band = :band", parameters, Long.class)
                : jdbc.queryForObject("select count(*) from customer_summary s " + filter, parameters, Long.class);
        boolean rebuilding = this.rebuilding.isRebuilding();
        List<CustomerSummary> items = new ArrayList<>();
        jdbc.query(SUMMARY_SELECT + " from customer_summary s " + filter + " order by " + orderBy(sort)
                + " limit :limit offset :offset", parameters, rs -> {
            items.add(summaryOf(row(rs), today, rebuilding));
        });
        return new Page(items, page, size, total == null ? 0 : total);
    }

    /**
     * How many customers of the worklist's other filters stand in each aging bucket today (every bucket, zeros too):
     * counted by days overdue in the database, put into buckets by {@link AgingBucket#of}.
     */
    public Map<AgingBucket, Long> agingCounts(String status, Band band, Boolean creditHold) {
        var parameters = filterParameters(calendar.today(clock), status, band, creditHold, null);
        Map<AgingBucket, Long> counts = new EnumMap<>(AgingBucket.class);
        for (AgingBucket bucket : AgingBucket.values()) {
            counts.put(bucket, 0L);
        }
        jdbc.query("select " + DAYS_OVERDUE_SQL + " as days, count(*) from customer_summary s " + FILTER + " group by 1",
                parameters, rs -> {
                    counts.merge(AgingBucket.of(rs.getLong(1)), rs.getLong(2), Long::sum);
                });
        return counts;
    }

    private static final String FILTER = "where (cast(:band as varchar) is null or s.band = :band)"
            + " and (cast(:creditHold as boolean) is null or s.credit_hold = :creditHold)"
            + " and (cast(:status as varchar) is null or (" + STATUS_SQL + ") = :status)";

    private static MapSqlParameterSource filterParameters(LocalDate today, String status, Band band, Boolean creditHold,
                                                          AgingBucket aging) {
        return new MapSqlParameterSource("today", Date.valueOf(today))
                .addValue("dueSoon", Date.valueOf(today.plusDays(OverdueStanding.DUE_SOON_DAYS)))
                .addValue("status", status)
                .addValue("band", band == null ? null : band.name())
                .addValue("creditHold", creditHold)
                .addValue("agingFrom", aging == null ? null : aging.fewestDays())
                .addValue("agingTo", aging == null ? null : aging.mostDays());
    }

    private static String orderBy(Sort sort) {
        return switch (sort) {
            case DAYS_OVERDUE -> "s.oldest_owed_due asc nulls last, s.customer_id";
            case OVERDUE_AMOUNT -> "overdue_amount desc, s.customer_id";
            case SCORE -> "s.score asc, s.customer_id";
        };
    }

    private static CustomerSummary summaryOf(Row row, LocalDate today, boolean rebuilding) {
        Overdue overdue = Overdue.of(row.oldestOwedDue(), row.oldestOwedWindow(), row.nextDueDate(), row.disputed(),
                row.overdueAmount(), row.currency(), row.openPromises(), today);
        return new CustomerSummary(row.customerId(), row.name(), row.currency(), row.reliability(), overdue, row.risk(),
                row.ourCommitments(), null, rebuilding ? Boolean.TRUE : null);
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
        String[] reasons = (String[]) rs.getArray("p_reasons").getArray();
        String[] faiths = (String[]) rs.getArray("p_faiths").getArray();
        Boolean[] excused = (Boolean[]) rs.getArray("p_excused").getArray();
        List<CustomerSummary.PromiseLine> lines = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            lines.add(new CustomerSummary.PromiseLine(ids[i], Money.fromStored(amounts[i], currency), due[i].toLocalDate(),
                    Money.fromStored(paid[i], currency), PromiseState.valueOf(states[i]), levels[i],
                    reasons[i] == null ? null : Reason.valueOf(reasons[i]), faiths[i] == null ? null : Faith.valueOf(faiths[i]),
                    excused[i]));
        }
        return lines;
    }

    /** The summary a view held in memory gives today, by the same rules as the stored one (for verify). */
    public CustomerSummary summarize(CustomerView view) {
        Overdue overdue = overdueOn(view, calendar.today(clock));
        List<CustomerSummary.PromiseLine> promises = view.promises.values().stream()
                .map(p -> new CustomerSummary.PromiseLine(p.id, Money.fromStored(p.amount, view.currency), p.dueDate,
                        Money.fromStored(p.paid, view.currency), p.state, p.level, p.reason, p.faith, p.excused))
                .toList();
        return new CustomerSummary(view.customerId, view.name, view.currency, view.card.reliability(), overdue,
                Risk.of(view.situation, view.situationSince),
                new CustomerSummary.OurCommitments(view.commitmentsOpen, view.commitmentsMissed), promises, null);
    }

    /** How late the customer of a view held in memory was on this day, by the rules today's status follows. */
    public static Overdue overdueOn(CustomerView view, LocalDate day) {
        return Overdue.of(OverdueStanding.of(view.owedPromises(), view.disputedPromises(), day), view.currency,
                view.openPromises());
    }

    private static Row row(ResultSet rs) throws SQLException {
        Reliability reliability = new Reliability(rs.getBigDecimal("score"), Band.valueOf(rs.getString("band")),
                rs.getString("policy_version"), rs.getInt("kept"), rs.getInt("partially_kept"), rs.getInt("broken"),
                rs.getInt("renegotiated"), rs.getBoolean("habitual_breaker"));
        String situation = rs.getString("situation");
        Risk risk = Risk.of(situation == null ? null : FinancialSituation.valueOf(situation), date(rs, "situation_since"));
        return new Row(rs.getString("customer_id"), rs.getString("name"), rs.getString("currency"), reliability,
                date(rs, "oldest_owed_due"), date(rs, "oldest_owed_window"), date(rs, "next_due_date"),
                rs.getInt("disputed_promises"), rs.getInt("open_promises"), rs.getBigDecimal("overdue_amount"), risk,
                new CustomerSummary.OurCommitments(rs.getInt("commitments_open"), rs.getInt("commitments_missed")));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private record Stored(Row row, long lastSequence, long newest, List<CustomerSummary.PromiseLine> promises) {
    }

    private record Row(String customerId, String name, String currency, Reliability reliability, LocalDate oldestOwedDue,
                       LocalDate oldestOwedWindow, LocalDate nextDueDate, int disputed, int openPromises,
                       BigDecimal overdueAmount, Risk risk, CustomerSummary.OurCommitments ourCommitments) {
    }
}
