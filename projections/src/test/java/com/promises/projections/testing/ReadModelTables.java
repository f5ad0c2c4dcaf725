package com.promises.projections.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read-model row, summary and schedule, as one fingerprint (the valuation sweeper's claims left out). The band
 * counts are taken per band: which slot a transaction added to is its own choice, the sum over the slots is the count.
 */
public final class ReadModelTables {

    private static final String[] TABLES = {
            "customer_summary order by customer_id", "customer_promise order by customer_id, promise_id",
            "customer_outcomes order by customer_id",
            "customer_quiet_days order by customer_id", "follow_up order by id",
            "commitment_window order by customer_id, commitment_id"};

    private ReadModelTables() {
    }

    public static String fingerprint(JdbcTemplate jdbc) {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            String name = table.substring(0, table.indexOf(' '));
            all.append(name).append(' ').append(jdbc.queryForObject("select md5(coalesce(string_agg(t::text, '|' "
                    + table.substring(table.indexOf(' ') + 1) + "), '')) from " + name + " t", String.class)).append('\n');
        }
        all.append("customer_band_count ").append(jdbc.queryForObject("""
                select coalesce(string_agg(band || '=' || customers, ',' order by band), '')
                from (select band, sum(customers) customers from customer_band_count group by band) b where customers <> 0""",
                String.class)).append('\n');
        all.append("promise_window ").append(jdbc.queryForObject("""
                select md5(coalesce(string_agg(concat_ws(',', customer_id, promise_id, amount, currency, due_date,
                    window_closes_on, disputed, reminded_on, paid), '|' order by customer_id, promise_id), '')) from promise_window""",
                String.class));
        return all.toString();
    }
}
