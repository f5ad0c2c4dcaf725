package com.promises.api.infrastructure.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The idempotency_key table. Every call here runs in the caller's transaction: a claim is an
 * uncommitted row that makes a concurrent claim of the same key wait until the first commits
 * (the answer is stored) or rolls back (the key is free again).
 */
@Component
class IdempotencyStore {

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, waiting at most {@code wait} for a request that holds it.
     *
     * @return empty when the key is now ours; the earlier answer when the key was used before
     * @throws org.springframework.dao.DataAccessException with SQL state 55P03 when the wait ran out
     */
    Optional<StoredAnswer> claim(String principal, String key, byte[] requestHash, Duration wait) {
        // The statement sets the transaction's lock timeout itself (set_config local = set local) before its
        // insert can wait on another request's claim: one round trip for both, on every keyed request.
        int claimed = jdbc.update("""
                with waiting as (select set_config('lock_timeout', ?, true))
                insert into idempotency_key (principal, idempotency_key, request_hash)
                select ?, ?, ? from waiting
                on conflict (principal, idempotency_key) do nothing
                """, Long.toString(Math.max(1, wait.toMillis())), principal, key, requestHash);
        if (claimed == 1) {
            return Optional.empty();
        }
        List<StoredAnswer> earlier = jdbc.query("""
                        select request_hash, status, content_type, location, body
                        from idempotency_key where principal = ? and idempotency_key = ?
                        """,
                (row, n) -> new StoredAnswer(row.getBytes(1), row.getInt(2), row.getString(3), row.getString(4), row.getBytes(5)),
                principal, key);
        // Deleted by the clean-up between the two statements: only possible for a key older than the retention.
        return earlier.isEmpty() ? claim(principal, key, requestHash, wait) : Optional.of(earlier.get(0));
    }

    void complete(String principal, String key, StoredAnswer answer) {
        jdbc.update("""
                update idempotency_key set status = ?, content_type = ?, location = ?, body = ?
                where principal = ? and idempotency_key = ?
                """, answer.status(), answer.contentType(), answer.location(), answer.body(), principal, key);
    }

    /** Uses the database's clock: retention is about real time, and the business clock may stand still. */
    int deleteOlderThan(Duration retention) {
        return jdbc.update("delete from idempotency_key where created_at < now() - make_interval(secs => ?)",
                (double) retention.toSeconds());
    }
}
