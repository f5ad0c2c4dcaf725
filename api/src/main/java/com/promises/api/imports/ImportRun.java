package com.promises.api.imports;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.command.CommandTransaction;
import com.promises.api.command.ConcurrentChangeException;
import com.promises.api.infrastructure.problem.FieldProblem;
import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.ProblemException;
import com.promises.api.infrastructure.problem.Problems;
import com.promises.api.infrastructure.problem.Refusals;
import com.promises.api.infrastructure.tracing.CorrelationId;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One posted file, applied line by line from its spooled copy: one thread reads and translates the lines and hands
 * each run of consecutive lines of one customer to the worker of that customer (by the customer id's hash), so a
 * customer's lines are applied in the file's order while other customers' lines go on in parallel. A line's claim in import_line and the events of its command
 * are committed together or not at all, in one transaction with the consecutive lines of the same customer. Queues are
 * bounded: memory does not grow with the file.
 */
final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    /** Runs waiting per worker: with runs bounded by {@link #RUN_BYTES}, a few MB at most. */
    private static final int QUEUE = 16;
    /** Consecutive lines of one customer applied in one transaction, at most, and their size in the file. */
    private static final int RUN_LINES = 50;
    private static final long RUN_BYTES = 256 * 1024;
    private static final List<Line> END = List.of();

    private record Line(long number, ImportedCommand command) {
    }

    /** What a run needs from the service. */
    record Services(ImportStore store, CommandTransaction transactions, CommandDispatcher dispatcher, EventsStored events,
                    ImportSettings settings) {
    }

    final UUID importId;
    private final byte[] fileDigest;
    private final Path file;
    final long lines;
    private final LineTranslator translator;
    private final Services services;
    private final Authentication user;
    private final String correlationId;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong alreadyApplied = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile long endedNanos;
    private volatile boolean stopping;

    ImportRun(UUID importId, byte[] fileDigest, Path file, long lines, LineTranslator translator, Services services,
              Authentication user, String correlationId) {
        this.importId = importId;
        this.fileDigest = fileDigest;
        this.file = file;
        this.lines = lines;
        this.translator = translator;
        this.services = services;
        this.user = user;
        this.correlationId = correlationId;
    }

    /** Applies the whole file, then records how it ended. */
    void run() {
        String failure = null;
        List<BlockingQueue<List<Line>>> queues = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        int parallelism = Math.max(1, services.settings().parallelism());
        for (int i = 0; i < parallelism; i++) {
            BlockingQueue<List<Line>> queue = new ArrayBlockingQueue<>(QUEUE);
            queues.add(queue);
            Thread worker = new Thread(() -> asTheImporter(() -> work(queue)), "import-" + importId.toString().substring(0, 8) + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        try {
            asTheImporter(() -> read(queues));
        } catch (RuntimeException e) {
            failure = "The file could not be read to its end; post it again: lines already applied are skipped.";
            log.error("Import {} stopped reading its file", importId, e);
        } finally {
            for (BlockingQueue<List<Line>> queue : queues) {
                putQuietly(queue, END);
            }
            for (Thread worker : workers) {
                joinQuietly(worker);
            }
            endedNanos = System.nanoTime();
        }
        if (stopping) {
            failure = "The service was stopped while the file was applied. Post the same file again: lines already applied are skipped.";
        }
        ImportProgress.Status status = failure == null ? ImportProgress.Status.DONE : ImportProgress.Status.FAILED;
        services.store().record(importId, counts(), status, failure);
        log.info("Import {} {}: {}", importId, status, summary());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the spooled file {} of import {}", file, importId, e);
        }
    }

    /** Asks the run to stop after the lines it is applying now. */
    void stop() {
        stopping = true;
    }

    ImportStore.Counts counts() {
        long until = endedNanos != 0 ? endedNanos : System.nanoTime();
        return new ImportStore.Counts(applied.get(), alreadyApplied.get(), refused.get(), events.get(),
                (until - startedNanos) / 1e9);
    }

    String summary() {
        ImportStore.Counts counts = counts();
        Long left = counts.secondsLeft(lines);
        return "%d of %d lines: %d applied, %d already applied, %d refused; %.1f events/s%s".formatted(counts.done(), lines,
                counts.applied(), counts.alreadyApplied(), counts.refused(), counts.eventsPerSecond(),
                left == null || endedNanos != 0 ? "" : ", about " + left + " s left");
    }

    /** Reads the lines and hands each run of consecutive lines of one customer to that customer's worker. */
    private void read(List<BlockingQueue<List<Line>>> queues) {
        long maxLine = services.settings().maxLineSize().toBytes();
        List<Line> run = new ArrayList<>();
        long runBytes = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
            long number = 0;
            while (!stopping) {
                buffer.reset();
                int read = readLine(in, buffer, maxLine);
                if (read == EOF) {
                    break;
                }
                number++;
                if (read == TOO_LONG) {
                    refuse(number, new LineTooLongException(maxLine));
                    continue;
                }
                String text = buffer.toString(StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    continue;
                }
                ImportedCommand command;
                try {
                    command = translator.translate(text);
                } catch (Exception refusal) {
                    refuse(number, refusal);
                    continue;
                }
                if (!run.isEmpty() && (!run.get(0).command().customerId().equals(command.customerId())
                        || run.size() == RUN_LINES || runBytes + text.length() > RUN_BYTES)) {
                    handOn(queues, run);
                    run = new ArrayList<>();
                    runBytes = 0;
                }
                run.add(new Line(number, command));
                runBytes += text.length();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading the spooled file " + file, e);
        }
        if (!run.isEmpty()) {
            handOn(queues, run);
        }
    }

    private static void handOn(List<BlockingQueue<List<Line>>> queues, List<Line> run) {
        String customerId = run.get(0).command().customerId();
        putQuietly(queues.get(Math.floorMod(customerId.hashCode(), queues.size())), run);
    }

    private static final int EOF = -1;
    private static final int COMPLETE = 0;
    private static final int TOO_LONG = 1;

    /** One line into {@code buffer}, without its end; a line over {@code max} bytes is skipped to its end instead. */
    private static int readLine(InputStream in, ByteArrayOutputStream buffer, long max) throws IOException {
        int next = in.read();
        if (next < 0) {
            return EOF;
        }
        long length = 0;
        boolean tooLong = false;
        while (next >= 0 && next != '\n') {
            if (++length > max) {
                tooLong = true;
            } else if (next != '\r') {
                buffer.write(next);
            }
            next = in.read();
        }
        return tooLong ? TOO_LONG : COMPLETE;
    }

    private void work(BlockingQueue<List<Line>> queue) {
        while (true) {
            List<Line> run;
            try {
                run = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (run == END) {
                return;
            }
            if (!stopping) {
                applyTogether(run);
            }
        }
    }

    /**
     * Consecutive lines of one customer in one transaction: the customer is loaded and locked once, and its events
     * are stored in one batch with the lines' claims. When any line is refused (or meets a concurrent change), the
     * whole transaction is rolled back and each line applied on its own, so only that line is refused.
     */
    private void applyTogether(List<Line> lines) {
        if (lines.size() == 1) {
            apply(lines.get(0));
            return;
        }
        CommandTransaction.Open transaction = services.transactions().begin();
        try {
            Set<Long> claimed = services.store().claimLines(fileDigest, lines.stream().map(Line::number).toList());
            long stored = services.events().counting(() -> {
                for (Line line : lines) {
                    if (claimed.contains(line.number())) {
                        services.dispatcher().send(line.command().customerId(), line.command().command());
                    }
                }
                transaction.commit();
            });
            applied.addAndGet(claimed.size());
            alreadyApplied.addAndGet(lines.size() - claimed.size());
            events.addAndGet(stored);
        } catch (Exception | Error failure) {
            transaction.rollbackAfter(failure);
            lines.forEach(this::apply);
        }
    }

    private void apply(Line line) {
        for (int attempt = 1; ; attempt++) {
            CommandTransaction.Open transaction = services.transactions().begin();
            try {
                if (!services.store().claimLine(fileDigest, line.number())) {
                    transaction.rollback();
                    alreadyApplied.incrementAndGet();
                    return;
                }
                long stored = services.events().counting(() -> {
                    services.dispatcher().send(line.command().customerId(), line.command().command());
                    transaction.commit();
                });
                applied.incrementAndGet();
                events.addAndGet(stored);
                return;
            } catch (ConcurrencyException | AggregateStreamCreationException | ConcurrentChangeException conflict) {
                // Someone else wrote to the customer meanwhile (an HTTP request): the line is tried again, afresh.
                transaction.rollbackAfter(conflict);
                if (attempt == CommandDispatcher.ATTEMPTS) {
                    refuse(line.number(), new ProblemException(ProblemCode.CONCURRENT_MODIFICATION,
                            "Customer " + line.command().customerId() + " kept being changed by other requests meanwhile; "
                                    + "nothing was recorded. Post the file again: lines already applied are skipped."));
                    return;
                }
                pause(attempt);
            } catch (Exception | Error failure) {
                transaction.rollbackAfter(failure);
                refuse(line.number(), failure);
                return;
            }
        }
    }

    private void refuse(long line, Throwable failure) {
        long count = refused.incrementAndGet();
        ProblemDetail problem = problemOf(failure);
        if (count <= services.settings().keptRefusals()) {
            services.store().refuse(importId, line, String.valueOf(problem.getProperties().get("code")), detailOf(problem));
        }
    }

    private ProblemDetail problemOf(Throwable failure) {
        if (failure instanceof LineTooLongException tooLong) {
            return Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, tooLong.getMessage());
        }
        return Refusals.problemFor(failure).orElseGet(() -> {
            String reference = UUID.randomUUID().toString();
            log.error("Import {}: a line failed [reference {}]", importId, reference, failure);
            return Problems.of(ProblemCode.INTERNAL_ERROR,
                    "The line could not be applied; quote reference " + reference + " when you report it. "
                            + "Post the file again later: lines already applied are skipped.");
        });
    }

    /** The problem's detail with its fields, as one line. */
    @SuppressWarnings("unchecked")
    private static String detailOf(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        if (errors instanceof List<?> fields && !fields.isEmpty()) {
            return problem.getDetail() + " " + ((List<FieldProblem>) fields).stream()
                    .map(field -> field.field() + ": " + field.message()).collect(Collectors.joining("; "));
        }
        return problem.getDetail();
    }

    /** Commands of the import carry who posted it and the request that did. */
    private void asTheImporter(Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(user);
        if (correlationId != null) {
            MDC.put(CorrelationId.KEY, correlationId);
        }
        try {
            work.run();
        } finally {
            MDC.remove(CorrelationId.KEY);
            SecurityContextHolder.clearContext();
        }
    }

    private static void putQuietly(BlockingQueue<List<Line>> queue, List<Line> run) {
        try {
            queue.put(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing on a line", e);
        }
    }

    private static void joinQuietly(Thread worker) {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(CommandDispatcher.backoffMillis(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
