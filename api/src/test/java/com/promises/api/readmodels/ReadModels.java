package com.promises.api.readmodels;

import com.promises.projections.rebuild.Projections;
import com.promises.testing.Await;
import org.springframework.jdbc.core.JdbcTemplate;



/** Waiting for the read models, and fingerprinting their rows. */
final class ReadModels {

    private ReadModels() {
    }

    static void awaitCaughtUp(Projections projections) {
        Await.value("the read models catching up", projections::status,
                status -> status.processors().stream().allMatch(p -> p.lag() == 0 && !p.replaying()));
    }

    static void awaitRebuilt(Projections projections) {
        Await.value("the rebuild finishing", projections::status, status -> status.rebuild() != null
                && !status.rebuild().running() && status.rebuild().processed() >= status.rebuild().total());
        awaitCaughtUp(projections);
    }

    /** Every read-model row, summary and schedule, as one fingerprint (the sweeper's claims left out). */
    static String hash(JdbcTemplate jdbc) {
        StringBuilder all = new StringBuilder();
        for (String table : new String[]{
                "customer_summary order by customer_id", "customer_promise order by customer_id, promise_id",
                "customer_outcomes order by customer_id", "customer_quiet_days order by customer_id", "follow_up order by id"}) {
            String from = table.substring(0, table.indexOf(' '));
            all.append(jdbc.queryForObject("select md5(coalesce(string_agg(t::text, '|' " + table.substring(table.indexOf(' ') + 1)
                    + "), '')) from " + from + " t", String.class)).append(' ');
        }
        all.append(jdbc.queryForObject("""
                select md5(coalesce(string_agg(concat_ws(',', customer_id, promise_id, amount, currency, due_date,
                    window_closes_on, disputed, reminded_on), '|' order by customer_id, promise_id), '')) from promise_window""",
                String.class));
        return all.toString();
    }
}
