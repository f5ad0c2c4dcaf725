package com.promises.projections.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.scoring.ReliabilityPolicy;
import com.promises.core.scoring.ScoreCard;
import com.promises.core.scoring.Reliability;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loads and stores {@link CustomerView}s in the customer_summary and customer_promise tables. */
@Component
class CustomerViewStore {

    /** Rows per band in customer_band_count: two transactions moving counts at once seldom pick the same one. */
    private static final int BAND_COUNT_SLOTS = 16;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ReliabilityPolicy policy;

    CustomerViewStore(JdbcTemplate jdbc, ObjectMapper json, ScoringPolicySettings scoring) {
        this.jdbc = jdbc;
        this.json = json;
        this.policy = scoring.policy();
    }

    CustomerView load(String customerId) {
        return loadAll(List.of(customerId)).get(customerId);
    }

    /** The stored views of these customers (those not in the read model are missing), in two queries. */
    Map<String, CustomerView> loadAll(Collection<String> customerIds) {
        Map<String, CustomerView> views = new HashMap<>();
        if (customerIds.isEmpty()) {
            return views;
        }
        String[] ids = customerIds.toArray(String[]::new);
        jdbc.query("""
                select customer_id, name, currency, score_card, credit, last_sequence, band, situation, situation_since,
                    commitments_open, commitments_missed
                from customer_summary where customer_id = any(?)""", rs -> {
            CustomerView view = new CustomerView(rs.getString(1), readCard(rs.getString(4)));
            view.name = rs.getString(2);
            view.currency = rs.getString(3);
            view.credit = rs.getBigDecimal(5);
            view.lastSequence = rs.getLong(6);
            view.storedBand = rs.getString(7);
            view.situation = rs.getString(8) == null ? null : FinancialSituation.valueOf(rs.getString(8));
            view.situationSince = rs.getObject(9, LocalDate.class);
            view.commitmentsOpen = rs.getInt(10);
            view.commitmentsMissed = rs.getInt(11);
            views.put(view.customerId, view);
        }, (Object) ids);
        if (views.isEmpty()) {
            return views;
        }
        jdbc.query("""
                select customer_id, promise_id, amount, paid, due_date, window_closes_on, state, level, made_order, reason,
                    faith, excused
                from customer_promise where customer_id = any(?) order by customer_id, made_order""", rs -> {
            var promise = new CustomerView.PromiseView(rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                    rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), PromiseState.valueOf(rs.getString(7)),
                    rs.getInt(8), rs.getInt(9));
            promise.reason = rs.getString(10) == null ? null : Reason.valueOf(rs.getString(10));
            promise.faith = rs.getString(11) == null ? null : Faith.valueOf(rs.getString(11));
            promise.excused = rs.getBoolean(12);
            views.get(rs.getString(1)).promises.put(promise.id, promise);
        }, (Object) ids);
        return views;
    }

    void clear() {
        jdbc.execute("truncate customer_promise, customer_summary, customer_band_count");
    }

    CustomerView create(String customerId) {
        return new CustomerView(customerId, policy.start());
    }

    /**
     * Writes these views (summary rows and changed promise rows) with one JDBC batch per table, and moves the
     * band counts by what changed.
     */
    void saveAll(Collection<CustomerView> views) {
        if (views.isEmpty()) {
            return;
        }
        List<Object[]> summaries = new ArrayList<>(views.size());
        List<Object[]> promises = new ArrayList<>();
        Map<String, Long> bandChanges = new TreeMap<>(); // in band order: batches that pick one slot lock its rows alike
        for (CustomerView view : views) {
            Reliability reliability = view.card.reliability();
            String band = reliability.band().name();
            if (!band.equals(view.storedBand)) {
                bandChanges.merge(band, 1L, Long::sum);
                if (view.storedBand != null) {
                    bandChanges.merge(view.storedBand, -1L, Long::sum);
                }
                view.storedBand = band;
            }
            summaries.add(new Object[]{view.customerId, view.name, view.currency, reliability.policyVersion(),
                    reliability.score(), reliability.band().name(), reliability.kept(), reliability.partiallyKept(),
                    reliability.broken(), reliability.renegotiated(), reliability.habitualBreaker(), writeCard(view.card),
                    view.credit, date(view.oldestOwedDue()), date(view.oldestOwedWindow()), view.openPromises(),
                    view.disputedPromises(), view.lastSequence, name(view.situation), date(view.situationSince),
                    view.situation != null && view.situation.creditHold(), view.commitmentsOpen, view.commitmentsMissed});
            for (String changed : view.changedPromises) {
                CustomerView.PromiseView p = view.promises.get(changed);
                promises.add(new Object[]{view.customerId, p.id, p.amount, p.paid, date(p.dueDate),
                        date(p.windowClosesOn), p.state.name(), p.level, p.owed(), p.order, name(p.reason), name(p.faith),
                        p.excused});
            }
            view.changedPromises.clear();
        }
        jdbc.batchUpdate("""
                insert into customer_summary (customer_id, name, currency, policy_version, score, band, kept, partially_kept,
                    broken, renegotiated, habitual_breaker, score_card, credit, oldest_owed_due, oldest_owed_window,
                    open_promises, disputed_promises, last_sequence, situation, situation_since, credit_hold, commitments_open,
                    commitments_missed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (customer_id) do update set name = excluded.name, currency = excluded.currency,
                    policy_version = excluded.policy_version, score = excluded.score, band = excluded.band,
                    kept = excluded.kept, partially_kept = excluded.partially_kept, broken = excluded.broken,
                    renegotiated = excluded.renegotiated, habitual_breaker = excluded.habitual_breaker,
                    score_card = excluded.score_card, credit = excluded.credit, oldest_owed_due = excluded.oldest_owed_due,
                    oldest_owed_window = excluded.oldest_owed_window,
                    open_promises = excluded.open_promises, disputed_promises = excluded.disputed_promises,
                    last_sequence = excluded.last_sequence, situation = excluded.situation,
                    situation_since = excluded.situation_since, credit_hold = excluded.credit_hold,
                    commitments_open = excluded.commitments_open, commitments_missed = excluded.commitments_missed""",
                summaries);
        if (!promises.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into customer_promise (customer_id, promise_id, amount, paid, due_date, window_closes_on, state,
                        level, owed, made_order, reason, faith, excused)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (customer_id, promise_id) do update set paid = excluded.paid, due_date = excluded.due_date,
                        window_closes_on = excluded.window_closes_on, state = excluded.state, owed = excluded.owed,
                        reason = excluded.reason, faith = excluded.faith, excused = excluded.excused""", promises);
        }
        int slot = ThreadLocalRandom.current().nextInt(BAND_COUNT_SLOTS);
        List<Object[]> counts = bandChanges.entrySet().stream().filter(change -> change.getValue() != 0)
                .map(change -> new Object[]{change.getKey(), slot, change.getValue()}).toList();
        if (!counts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into customer_band_count (band, slot, customers) values (?, ?, ?)
                    on conflict (band, slot) do update set customers = customer_band_count.customers + excluded.customers""",
                    counts);
        }
    }

    private ScoreCard readCard(String stored) {
        try {
            return json.readValue(stored, policy.start().getClass());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable score card in the read model", e);
        }
    }

    private String writeCard(ScoreCard card) {
        try {
            return json.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
