package com.promises.projections.rebuild;

import com.promises.projections.history.EventHistory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The read models' processors: where each stands against the event store, and a rebuild of all of them
 * from the full history. The processors stop and their tokens are reset (the reset handlers clear the
 * tables); {@link BulkReplay} then applies the history through their handlers and moves the tokens to its
 * end, and the processors start again from there. Should the replay fail, the tokens are reset once more
 * and the processors replay the history themselves, as they also do after a crash in the middle. Queries
 * keep answering during a rebuild from tables that are being refilled; they say so with a
 * {@code rebuilding} flag.
 */
@Service
public class Projections implements Rebuilding {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final BulkReplay bulk;
    private final EventHistory history;
    private final Clock wallClock = Clock.systemUTC(); // progress is measured in real time, not business time
    private final AtomicReference<Rebuild> rebuild = new AtomicReference<>();

    Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc, BulkReplay bulk, EventHistory history) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.history = history;
    }

    /**
     * Starts a rebuild of every read model and returns at once; progress shows in {@link #status()}. While one
     * runs, asking again returns its progress.
     */
    public synchronized RebuildProgress rebuild() {
        if (isRebuilding()) {
            return progress();
        }
        long head = head();
        Map<String, StreamingEventProcessor> processors = processors();
        processors.values().forEach(StreamingEventProcessor::shutDown);
        jdbc.update("insert into read_model_rebuild (started_at) values (?)", Timestamp.from(wallClock.instant()));
        reset(processing, processors);
        Rebuild started = new Rebuild(wallClock.instant(), head, new AtomicLong(), new AtomicBoolean(true), new AtomicBoolean(),
                new AtomicReference<>());
        rebuild.set(started);
        log.info("Rebuilding read models {} from {} events", processors.keySet(), head);
        Thread replay = new Thread(() -> replay(processors, started), "rebuild");
        replay.setDaemon(true);
        replay.start();
        Thread progressLog = new Thread(this::logProgress, "rebuild-progress");
        progressLog.setDaemon(true);
        progressLog.start();
        return progress();
    }

    private void replay(Map<String, StreamingEventProcessor> processors, Rebuild started) {
        try {
            Map<String, AbstractEventProcessor> handlers = new TreeMap<>();
            processors.forEach((name, processor) -> handlers.put(name, (AbstractEventProcessor) processor));
            bulk.replay(handlers, started.replayed());
            started.finishedAt().set(wallClock.instant());
        } catch (RuntimeException failed) {
            log.error("The bulk replay failed; the processors rebuild the read models from the start instead", failed);
            started.fellBack().set(true);
            reset(processing, processors);
            jdbc.update("delete from read_model_rebuild"); // the processors' replay survives a restart by itself
        } finally {
            processors.values().forEach(StreamingEventProcessor::start);
            started.bulkRunning().set(false);
        }
    }

    @Override
    public boolean isRebuilding() {
        Rebuild current = rebuild.get();
        return (current != null && current.bulkRunning().get())
                || processors().values().stream().anyMatch(StreamingEventProcessor::isReplaying);
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

    /**
     * The events each read model could not apply and keeps waiting (the customer's later events wait behind them),
     * oldest first, at most {@code limit} per read model: what failed, for whom, why and since when.
     */
    public List<ParkedEvent> deadLetters(int limit) {
        List<ParkedEvent> parked = new ArrayList<>();
        processors().keySet().forEach(name -> processing.deadLetterQueue(name).ifPresent(queue -> {
            int taken = 0;
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (taken++ >= limit) {
                        return;
                    }
                    parked.add(ParkedEvent.of(name, letter));
                }
            }
        }));
        return parked;
    }

    private RebuildProgress progress() {
        Rebuild current = rebuild.get();
        if (current == null) {
            return null;
        }
        long processed = current.fellBack().get()
                ? processors().values().stream().mapToLong(Projections::position).min().orElse(0)
                : current.replayed().get();
        boolean running = isRebuilding();
        Instant until = current.finishedAt().get() != null ? current.finishedAt().get() : wallClock.instant();
        double seconds = Math.max(0.001, Duration.between(current.startedAt(), until).toMillis() / 1000.0);
        double rate = processed / seconds;
        long left = Math.max(0, current.total() - processed);
        Long eta = null; // unknown until something has been processed
        if (!running) {
            eta = 0L;
        } else if (rate > 0) {
            eta = Math.round(left / rate);
        }
        return new RebuildProgress(running, current.fellBack().get() ? "processors" : "bulk", current.startedAt(), processed,
                current.total(), Math.round(rate), eta);
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

    /**
     * Empties every read model (the processors' reset handlers) and its dead-letter queue, whose letters belong
     * to the tables being emptied (the replay parks again whatever still fails), and sets each processor's
     * tokens to replay the history from the start. The processors must be stopped.
     */
    static void reset(EventProcessingConfiguration processing, Map<String, StreamingEventProcessor> processors) {
        processors.forEach((name, processor) -> {
            processor.resetTokens();
            processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        });
    }

    private Map<String, StreamingEventProcessor> processors() {
        return streamingProcessors(processing);
    }

    static Map<String, StreamingEventProcessor> streamingProcessors(EventProcessingConfiguration processing) {
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
        return Math.max(0, history.head());
    }

    /**
     * @param replayed    events the bulk replay has applied
     * @param bulkRunning until the bulk replay has finished and the processors run again
     * @param fellBack    the bulk replay failed and the processors replay the history themselves
     * @param finishedAt  when the bulk replay finished (the rate is measured up to then)
     */
    private record Rebuild(Instant startedAt, long total, AtomicLong replayed, AtomicBoolean bulkRunning, AtomicBoolean fellBack,
                           AtomicReference<Instant> finishedAt) {
    }

    /**
     * @param replayBy    {@code bulk}, or {@code processors} when the bulk replay failed and they replay instead
     * @param secondsLeft estimated; null while nothing has been processed yet
     */
    public record RebuildProgress(boolean running, String replayBy, Instant startedAt, long processed, long total,
                                  long eventsPerSecond, Long secondsLeft) {
    }

    /**
     * An event a read model parked in its dead-letter queue.
     *
     * @param customerId the aggregate the event belongs to (null for an event of no aggregate)
     * @param sequence   the event's sequence number in that customer's history (null likewise)
     * @param error      the failure's type and message, as the queue recorded it
     */
    public record ParkedEvent(String processor, String eventType, String customerId, Long sequence, String error,
                              Instant enqueuedAt, Instant lastTouched) {

        static ParkedEvent of(String processor, DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> event = letter.message();
            String customerId = null;
            Long sequence = null;
            if (event instanceof DomainEventMessage<?> domainEvent) {
                customerId = domainEvent.getAggregateIdentifier();
                sequence = domainEvent.getSequenceNumber();
            }
            String error = letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null);
            return new ParkedEvent(processor, event.getPayloadType().getSimpleName(), customerId, sequence, error,
                    letter.enqueuedAt(), letter.lastTouched());
        }
    }

    /** @param head the event store's position: the global index of the newest event */
    public record ProjectionsStatus(long head, List<Processor> processors, RebuildProgress rebuild) {

        /** @param lag events stored but not yet applied by this processor */
        public record Processor(String name, boolean running, boolean replaying, long position, long lag, long deadLetters) {
        }
    }

}
