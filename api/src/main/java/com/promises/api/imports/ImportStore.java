package com.promises.api.imports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The import tables (V50__imports.sql). */
@Component
class ImportStore {

    private final JdbcTemplate jdbc;

    ImportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An import posted before under this user's Idempotency-Key: its id and its file's digest. */
    record Earlier(UUID importId, byte[] fileDigest) {
    }

    /** Records a new import; with a key the user used before, nothing, and answers that earlier import. */
    Optional<Earlier> create(UUID importId, String principal, String idempotencyKey, byte[] fileDigest, long lines) {
        int created = jdbc.update("""
                        insert into import_run (import_id, principal, idempotency_key, file_digest, status, lines)
                        values (?, ?, ?, ?, 'RUNNING', ?)
                        on conflict (principal, idempotency_key) where idempotency_key is not null do nothing""",
                importId, principal, idempotencyKey, fileDigest, lines);
        if (created == 1) {
            return Optional.empty();
        }
        return jdbc.query("select import_id, file_digest from import_run where principal = ? and idempotency_key = ?",
                (row, n) -> new Earlier(row.getObject(1, UUID.class), row.getBytes(2)), principal, idempotencyKey).stream().findFirst();
    }

    /**
     * Marks the line applied, in the caller's transaction: false when it was applied before (by an earlier post of
     * the same file). A post of the same file running at the same time waits here until the first commits or rolls back.
     */
    boolean claimLine(byte[] fileDigest, long line) {
        return jdbc.update("insert into import_line (file_digest, line) values (?, ?) on conflict do nothing",
                fileDigest, line) == 1;
    }

    /** {@link #claimLine} for several lines in one statement; answers the lines claimed now. */
    Set<Long> claimLines(byte[] fileDigest, List<Long> lines) {
        return new HashSet<>(jdbc.queryForList("""
                        insert into import_line (file_digest, line) select ?, unnest(?::bigint[])
                        on conflict do nothing returning line""",
                Long.class, fileDigest, lines.toArray(Long[]::new)));
    }

    void refuse(UUID importId, long line, String code, String detail) {
        jdbc.update("insert into import_refusal (import_id, line, code, detail) values (?, ?, ?, ?) on conflict do nothing",
                importId, line, code, detail.length() > 2000 ? detail.substring(0, 2000) : detail);
    }

    /**
     * The counts so far, and the heartbeat that tells other instances this import is still running; an import that
     * ended (DONE, FAILED) stays as it ended.
     */
    void record(UUID importId, Counts counts, ImportProgress.Status status, String failure) {
        jdbc.update("""
                        update import_run set applied = ?, already_applied = ?, refused = ?, events = ?, running_seconds = ?,
                            status = ?, failure = ?, updated_at = now()
                        where import_id = ? and status = 'RUNNING'
                        
                        """, counts.applied(), counts.alreadyApplied(), counts.refused(), counts.events(), counts.seconds(),
                status.name(), failure, importId);
    }

    /**
     * Imports whose instance stopped without ending them (killed, or its database connection lost) are FAILED once
     * their heartbeat is older than {@code silence}. Uses the database's clock: a heartbeat is real time.
     */
    int failSilent(Duration silence) {
        return jdbc.update("""
                update import_run set status = 'FAILED',
                    failure = 'The service stopped while the file was applied. Post the same file again: lines already applied are skipped.'
                where status = 'RUNNING' and updated_at < now() - make_interval(secs => ?)
                """, (double) silence.toSeconds());
    }

    Optional<ImportProgress> find(UUID importId, int refusals) {
        List<ImportProgress.RefusedLine> refused = jdbc.query(
                "select line, code, detail from import_refusal where import_id = ? order by line limit ?",
                (row, n) -> new ImportProgress.RefusedLine(row.getLong(1), row.getString(2), row.getString(3)),
                importId, refusals);
        return jdbc.query("""
                        select status, failure, lines, applied, already_applied, refused, events, running_seconds
                        from import_run where import_id = ?
                        """,
                (row, n) -> {
                    long lines = row.getLong(3);
                    Counts counts = new Counts(row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getDouble(8));
                    ImportProgress.Status status = ImportProgress.Status.valueOf(row.getString(1));
                    return new ImportProgress(importId, status, row.getString(2), lines, counts.applied(),
                            counts.alreadyApplied(), counts.refused(), refused, counts.eventsPerSecond(),
                            status == ImportProgress.Status.RUNNING ? counts.secondsLeft(lines) : Long.valueOf(0));
                }, importId).stream().findFirst();
    }

    /** What an import has done so far, and in how many seconds of running. */
    record Counts(long applied, long alreadyApplied, long refused, long events, double seconds) {

        long done() {
            return applied + alreadyApplied + refused;
        }

        double eventsPerSecond() {
            return seconds <= 0 ? 0 : Math.round(events / seconds * 10) / 10.0;
        }

        Long secondsLeft(long lines) {
            if (done() == 0 || seconds <= 0) {
                return null;
            }
            return Math.round((lines - done()) * seconds / done());
        }
    }
}
