package com.promises.projections;

import com.promises.projections.rebuild.Projections;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** An md5 over every row of the read tables, in a stable order. */
    static String hash(JdbcTemplate jdbc) {
        String summaries = jdbc.queryForObject(
                "select md5(coalesce(string_agg(t::text, '|' order by customer_id), '')) from customer_summary t", String.class);
        String promises = jdbc.queryForObject(
                "select md5(coalesce(string_agg(t::text, '|' order by customer_id, promise_id), '')) from customer_promise t",
                String.class);
        assertThat(summaries).isNotNull();
        return summaries + promises;
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
