package com.promises.testing;

import com.promises.projections.rebuild.Projections;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fingerprint of every read-model table, one hash per table, so a test can say which table changed. Left out:
 * the sweeper's claims on windows (when a sweeper last looked is not part of the history), and how the band counts
 * are spread over their slots (each transaction picks one at random; only each band's sum means anything).
 */
public final class ReadModelTables {

    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("customer_summary",
                "select md5(coalesce(string_agg(t::text, '|' order by customer_id), '')) from customer_summary t");
        ROWS.put("customer_promise",
                "select md5(coalesce(string_agg(t::text, '|' order by customer_id, promise_id), '')) from customer_promise t");
        ROWS.put("promise_window", """
                select md5(coalesce(string_agg(concat_ws(',', customer_id, promise_id, amount, currency, due_date,
                    window_closes_on, disputed, reminded_on), '|' order by customer_id, promise_id), '')) from promise_window""");
        ROWS.put("customer_quiet_days",
                "select md5(coalesce(string_agg(t::text, '|' order by customer_id), '')) from customer_quiet_days t");
        ROWS.put("customer_outcomes",
                "select md5(coalesce(string_agg(t::text, '|' order by customer_id), '')) from customer_outcomes t");
        ROWS.put("follow_up", "select md5(coalesce(string_agg(t::text, '|' order by id), '')) from follow_up t");
        ROWS.put("customer_band_count", """
                select md5(coalesce(string_agg(band || '=' || customers, '|' order by band), '')) from (
                    select band, sum(customers) as customers from customer_band_count
                    group by band having sum(customers) <> 0) t""");
    }

    private ReadModelTables() {
    }

    /** Table name to the hash of its rows. */
    public static Map<String, String> fingerprint(JdbcTemplate jdbc) {
        Map<String, String> hashes = new LinkedHashMap<>();
        ROWS.forEach((table, sql) -> hashes.put(table, jdbc.queryForObject(sql, String.class)));
        return hashes;
    }

    /**
     * Rebuilds every read model from the history alone and fingerprints the result: what the tables hold when
     * each event has been applied exactly once. The service's processors must all run in this instance.
     */
    public static Map<String, String> afterRebuild(Projections projections, JdbcTemplate jdbc) {
        projections.rebuild();
        Await.until("the rebuild", Duration.ofSeconds(120), () -> {
            var status = projections.status();
            return status.rebuild() != null && !status.rebuild().running()
                    && status.processors().stream().allMatch(p -> p.lag() == 0 && !p.replaying());
        }, projections::status);
        return fingerprint(jdbc);
    }
}
