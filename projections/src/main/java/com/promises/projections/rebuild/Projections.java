package com.promises.projections.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The read models' processors: where each stands against the event store, and a rebuild of all of them
 * from the full history (tokens reset, the reset handlers clear the tables, the history replays).
 * Queries keep answering during a rebuild from tables that are being refilled; they say so with a
 * {@code rebuilding} flag.
 */
@Service
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock wallClock = Clock.systemUTC(); // progress is measured in real time, not business time
    private final AtomicReference<Rebuild> rebuild = new AtomicReference<>();

    Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Starts a rebuild of every read model and returns at once; progress shows in {@link #status()}. */
    public synchronized RebuildProgress rebuild() {
        long head = head();
        Map<String, StreamingEventProcessor> processors = processors();
        processors.forEach((name, processor) -> {
            processor.shutDown();
            processor.resetTokens();
        });
        rebuild.set(new Rebuild(wallClock.instant(), head));
        processors.values().forEach(StreamingEventProcessor::start);
        log.info("Rebuilding read models {} from {} events", processors.keySet(), head);
        Thread progressLog = new Thread(this::logProgress, "rebuild-progress");
        progressLog.setDaemon(true);
        progressLog.start();
        return progress();
    }

    public boolean isRebuilding() {
        return processors().values().stream().anyMatch(StreamingEventProcessor::isReplaying);
    }

    public ProjectionsStatus status() {
        long head = head();
        List<ProjectionsStatus.Processor> rows = new ArrayList<>();
        processors().forEach((name, processor) -> {
            long position = position(processor);
            long deadLetters = processing.deadLetterQueue(name).map(queue -> queue.size()).orElse(0L);
            rows.add(new ProjectionsStatus.Processor(name, processor.isRunning(), processor.isReplaying(), position,
                    Math.max(0, head - position), deadLetters));
        });
        return new ProjectionsStatus(head, rows, progress());
    }

    private RebuildProgress progress() {
        Rebuild current = rebuild.get();
        if (current == null) {
            return null;
        }
        long processed = processors().values().stream().mapToLong(Projections::position).min().orElse(0);
        boolean running = isRebuilding();
        double seconds = Math.max(0.001, Duration.between(current.startedAt(), wallClock.instant()).toMillis() / 1000.0);
        double rate = processed / seconds;
        long left = Math.max(0, current.total() - processed);
        Long eta = null; // unknown until something has been processed
        if (!running) {
            eta = 0L;
        } else if (rate > 0) {
            eta = Math.round(left / rate);
        }
        return new RebuildProgress(running, current.startedAt(), processed, current.total(), Math.round(rate), eta);
    }

    private void logProgress() {
        try {
            do {
                Thread.sleep(5_000);
                RebuildProgress progress = progress();
                log.info("Rebuild: {} of {} events, {} events/s, about {} s left",
                        progress.processed(), progress.total(), progress.eventsPerSecond(), progress.secondsLeft());
            } while (isRebuilding());
            log.info("Rebuild finished: {}", progress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, StreamingEventProcessor> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> (StreamingEventProcessor) e.getValue(), (a, b) -> a, TreeMap::new));
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(0))
                .min().orElse(0);
    }

    private long head() {
        Long max = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        return max == null ? 0 : max;
    }

    private record Rebuild(Instant startedAt, long total) {
    }

    /** @param secondsLeft estimated; null while nothing has been processed yet */
    public record RebuildProgress(boolean running, Instant startedAt, long processed, long total, long eventsPerSecond,
                                  Long secondsLeft) {
    }

    /** @param head the event store's position: the global index of the newest event */
    public record ProjectionsStatus(long head, List<Processor> processors, RebuildProgress rebuild) {

        /** @param lag events stored but not yet applied by this processor */
        public record Processor(String name, boolean running, boolean replaying, long position, long lag, long deadLetters) {
        }
    }

}
