package com.promises.projections.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.core.promise.PromiseState;
import com.promises.core.scoring.ReliabilityPolicy;
import com.promises.core.scoring.ScoreCard;
import com.promises.core.scoring.Reliability;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** Loads and stores {@link CustomerView}s in the customer_summary and customer_promise tables. */
@Component
class CustomerViewStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ReliabilityPolicy policy;

    CustomerViewStore(JdbcTemplate jdbc, ObjectMapper json, ScoringPolicySettings scoring) {
        this.jdbc = jdbc;
        this.json = json;
        this.policy = scoring.policy();
    }

    ReliabilityPolicy policy() {
        return policy;
    }

    CustomerView load(String customerId) {
        List<CustomerView> found = jdbc.query("""
                select name, currency, score_card, credit, last_sequence from customer_summary where customer_id = ?""",
                (rs, row) -> {
                    CustomerView view = new CustomerView(customerId, readCard(rs.getString("score_card")));
                    view.name = rs.getString("name");
                    view.currency = rs.getString("currency");
                    view.credit = rs.getBigDecimal("credit");
                    view.lastSequence = rs.getLong("last_sequence");
                    return view;
                }, customerId);
        if (found.isEmpty()) {
            return null;
        }
        CustomerView view = found.get(0);
        jdbc.query("""
                select promise_id, amount, paid, due_date, window_closes_on, state, level, made_order
                from customer_promise where customer_id = ? order by made_order""", rs -> {
            var promise = new CustomerView.PromiseView(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                    rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), PromiseState.valueOf(rs.getString(6)),
                    rs.getInt(7), rs.getInt(8));
            view.promises.put(promise.id, promise);
        }, customerId);
        return view;
    }

    CustomerView create(String customerId) {
        return new CustomerView(customerId, policy.start());
    }

    void save(CustomerView view) {
        Reliability reliability = view.card.reliability();
        LocalDate oldestOwedDue = view.oldestOwedDue();
        jdbc.update("""
                insert into customer_summary (customer_id, name, currency, policy_version, score, band, kept, partially_kept,
                    broken, renegotiated, habitual_breaker, score_card, credit, oldest_owed_due, oldest_owed_window,
                    open_promises, disputed_promises, last_sequence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (customer_id) do update set name = excluded.name, currency = excluded.currency,
                    policy_version = excluded.policy_version, score = excluded.score, band = excluded.band,
                    kept = excluded.kept, partially_kept = excluded.partially_kept, broken = excluded.broken,
                    renegotiated = excluded.renegotiated, habitual_breaker = excluded.habitual_breaker,
                    score_card = excluded.score_card, credit = excluded.credit, oldest_owed_due = excluded.oldest_owed_due,
                    oldest_owed_window = excluded.oldest_owed_window,
                    open_promises = excluded.open_promises, disputed_promises = excluded.disputed_promises,
                    last_sequence = excluded.last_sequence""",
                view.customerId, view.name, view.currency, reliability.policyVersion(), reliability.score(),
                reliability.band().name(), reliability.kept(), reliability.partiallyKept(), reliability.broken(),
                reliability.renegotiated(), reliability.habitualBreaker(), writeCard(view.card), view.credit,
                date(oldestOwedDue), date(view.oldestOwedWindow()), view.openPromises(),
                view.disputedPromises(), view.lastSequence);
        List<Object[]> rows = view.changedPromises.stream().map(view.promises::get).map(p -> new Object[]{
                view.customerId, p.id, p.amount, p.paid, date(p.dueDate), date(p.windowClosesOn), p.state.name(),
                p.level, p.owed(), p.order}).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into customer_promise (customer_id, promise_id, amount, paid, due_date, window_closes_on, state,
                        level, owed, made_order)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (customer_id, promise_id) do update set paid = excluded.paid, due_date = excluded.due_date,
                        window_closes_on = excluded.window_closes_on, state = excluded.state, owed = excluded.owed""", rows);
        }
        view.changedPromises.clear();
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

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
