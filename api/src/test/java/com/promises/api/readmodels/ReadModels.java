package com.promises.api.readmodels;

import com.promises.projections.rebuild.Projections;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;


/** Waiting for the read models, and fingerprinting their rows. */
final class ReadModels {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private ReadModels() {
    }

    static void awaitCaughtUp(Projections projections) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var status = projections.status();
            if (status.processors().stream().allMatch(p -> p.lag() == 0 && !p.replaying())) {
                return;
            }
            sleep();
        }
        throw new AssertionError("read models did not catch up: " + projections.status());
    }

    static void awaitRebuilt(Projections projections) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var progress = projections.status().rebuild();
            if (progress != null && !progress.running() && progress.processed() >= progress.total()) {
                awaitCaughtUp(projections);
                return;
            }
            sleep();
        }
        throw new AssertionError("rebuild did not finish: " + projections.status());
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

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
