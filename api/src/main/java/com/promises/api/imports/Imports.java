package com.promises.api.imports;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.command.CommandTransaction;
import com.promises.api.infrastructure.idempotency.IdempotencyKey;
import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.ProblemException;
import com.promises.api.infrastructure.tracing.Actor;
import com.promises.api.infrastructure.tracing.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bulk imports: a posted file is first copied to disk (so the request ends when the upload does, and the file's
 * digest is known before its first line is applied), then applied in the background. Progress is recorded in
 * PostgreSQL every second and logged every 5 seconds, so any instance answers for any import.
 * <p>
 * A stop ends a running import as FAILED; so does a crash, once its heartbeat is a minute old. Either way the same
 * file posted again applies only what was not applied yet: each line is claimed by the file's digest and the line's
 * number in the transaction that stores its events.
 */
@Component
public class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);
    /** A running import records its counts every second; one silent this long has lost its instance. */
    private static final Duration SILENCE = Duration.ofMinutes(1);
    private static final int LOG_EVERY_HEARTBEATS = 5;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final ImportStore store;
    private final ImportRun.Services services;
    private final ImportSettings settings;
    private final Map<UUID, ImportRun> running = new ConcurrentHashMap<>();
    private final Map<UUID, Thread> threads = new ConcurrentHashMap<>();
    private long heartbeats;

    Imports(ImportStore store, CommandTransaction transactions, CommandDispatcher dispatcher, EventsStored events,
            ImportSettings settings) {
        this.store = store;
        this.settings = settings;
        this.services = new ImportRun.Services(store, transactions, dispatcher, events, settings);
    }

    /** An import started by a post, or the one an earlier post with the same Idempotency-Key started. */
    public record Started(UUID importId, boolean replayed) {
    }

    /**
     * Copies the file from {@code body} and starts applying it; answers the import's id once the copy is complete.
     * With an Idempotency-Key the user used before for the same file, starts nothing and answers that import; for
     * another file, refuses (IDEMPOTENCY_KEY_REUSED).
     */
    public Started start(InputStream body, String idempotencyKey, LineTranslator translator) throws IOException {
        if (idempotencyKey != null && !IdempotencyKey.acceptable(idempotencyKey)) {
            throw new ProblemException(ProblemCode.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1-255 visible ASCII characters without spaces.");
        }
        Path directory = settings.spoolDirectory() != null ? settings.spoolDirectory() : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "import-", ".ndjson");
        try {
            MessageDigest sha256 = sha256();
            long lines = copy(new DigestInputStream(body, sha256), file);
            UUID importId = UUID.randomUUID();
            byte[] digest = sha256.digest();
            Optional<ImportStore.Earlier> earlier = store.create(importId, Actor.current(), idempotencyKey, digest, lines);
            if (earlier.isPresent()) {
                Files.deleteIfExists(file);
                if (!Arrays.equals(earlier.get().fileDigest(), digest)) {
                    throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was already used for a different file; use a new key for a new file.");
                }
                return new Started(earlier.get().importId(), true);
            }
            ImportRun run = new ImportRun(importId, digest, file, lines, translator, services,
                    SecurityContextHolder.getContext().getAuthentication(), CorrelationId.current());
            running.put(importId, run);
            Thread thread = new Thread(() -> {
                try {
                    run.run();
                } finally {
                    running.remove(importId);
                    threads.remove(importId);
                }
            }, "import-" + importId.toString().substring(0, 8));
            thread.setDaemon(true);
            threads.put(importId, thread);
            thread.start();
            log.info("Import {} started: {} lines", importId, lines);
            return new Started(importId, false);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    public Optional<ImportProgress> progress(UUID importId) {
        return store.find(importId, settings.keptRefusals());
    }

    /** Copies the body to {@code file} and counts its lines that are not blank. */
    private static long copy(InputStream body, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long lines = 0;
        boolean lineHasText = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                out.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        lines += lineHasText ? 1 : 0;
                        lineHasText = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        lineHasText = true;
                    }
                }
            }
        }
        return lines + (lineHasText ? 1 : 0);
    }

    /** The running imports' counts: recorded every second (their heartbeat), logged every 5 seconds. */
    @Scheduled(fixedDelayString = "PT1S")
    void heartbeat() {
        heartbeats++;
        for (ImportRun run : running.values()) {
            store.record(run.importId, run.counts(), ImportProgress.Status.RUNNING, null);
            if (heartbeats % LOG_EVERY_HEARTBEATS == 0) {
                log.info("Import {}: {}", run.importId, run.summary());
            }
        }
    }

    /** Imports another instance left running when it died. */
    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT30S")
    void failSilentImports() {
        int failed = store.failSilent(SILENCE);
        if (failed > 0) {
            log.warn("{} imports ended as FAILED: their service stopped while applying them", failed);
        }
    }

    /** Before the database goes: running imports stop after their current lines and record that they did not finish. */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        running.values().forEach(ImportRun::stop);
        for (Thread thread : threads.values()) {
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
