package com.promises.projections.rebuild;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Replays the whole history into the read models while their processors are stopped: the events are read
 * once, in pages, and each page goes through every processor's own handlers, with that processor's
 * interceptors and dead-letter queue, in one transaction. Through the processors themselves each event was
 * read and deserialized once per read model, in batches of at most 500, and Axon's coordinator walked its
 * queue for every event it handed out (BENCHMARKS.md).
 *
 * <p>The history is read in each customer's order, not in the order of the global index: every read-model
 * row belongs to one customer (the processors, too, order events only per customer), and a customer whose
 * whole history falls in one page has its rows written once instead of once for each page it appears in.
 */
@Component
class BulkReplay {

    /** Events per transaction: large enough that each page's reads and writes go out in few statements. */
    static final int PAGE = 2_000;
    /** Threads applying pages: one read model transaction per core keeps PostgreSQL and the JVM both busy. */
    static final int WORKERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** As Axon's JDBC event store: a gap further below the head than this is given up. */
    static final int MAX_GAP_OFFSET = 10_000;

    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final TransactionManager transactions;
    private final TokenStore tokens;
    private final JdbcTemplate jdbc;

    BulkReplay(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer, ObjectProvider<EventUpcaster> upcasters,
               TransactionManager transactions, TokenStore tokens, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.upcasters = new EventUpcasterChain(upcasters.orderedStream().toList());
        this.transactions = transactions;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /**
     * Applies every stored event up to the head to the stopped processors' handlers, then, in one transaction,
     * moves each processor's token to that head (with the gaps below it, so a transaction that commits a lower
     * index late is still picked up by the processor) and deletes the rebuild's marker row. The events are
     * split by customer over {@link #WORKERS} threads, each applying its customers' events in order.
     *
     * @param replayed counts the events applied, as pages commit
     * @throws RuntimeException when reading failed or a page could not be committed; what earlier pages wrote stays
     */
    void replay(Map<String, AbstractEventProcessor> processors, AtomicLong replayed) {
        List<Handlers> handlers = processors.values().stream()
                .map(processor -> new Handlers(processor.eventHandlerInvoker(), processor.getHandlerInterceptors()))
                .toList();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Worker worker = new Worker(handlers, replayed);
            workers.add(worker);
            Thread thread = new Thread(worker, "rebuild-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        List<List<EventMessage<?>>> pages = new ArrayList<>();
        workers.forEach(w -> pages.add(new ArrayList<>(PAGE)));
        TrackingToken head = null;
        RuntimeException failure = null;
        try {
            head = readHistory(event -> {
                int worker = event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                        ? Math.floorMod(domain.getAggregateIdentifier().hashCode(), WORKERS) : 0;
                pages.get(worker).add(event);
                if (pages.get(worker).size() == PAGE) {
                    workers.get(worker).hand(pages.get(worker));
                    pages.set(worker, new ArrayList<>(PAGE));
                }
            });
        } catch (RuntimeException readFailed) {
            failure = readFailed;
        } finally {
            for (int i = 0; i < WORKERS; i++) {
                workers.get(i).hand(pages.get(i));
                workers.get(i).hand(Worker.DONE);
            }
        }
        for (Worker worker : workers) { // every worker has stopped before this returns, failed or not
            RuntimeException failed = worker.awaitDone();
            if (failure == null) {
                failure = failed;
            } else if (failed != null) {
                failure.addSuppressed(failed);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (head != null) {
            TrackingToken position = head;
            transactions.executeInTransaction(() -> {
                processors.keySet().forEach(name -> {
                    for (int segment : tokens.fetchSegments(name)) {
                        tokens.storeToken(position, name, segment);
                        tokens.releaseClaim(name, segment);
                    }
                });
                jdbc.update("delete from read_model_rebuild");
            });
        } else {
            jdbc.update("delete from read_model_rebuild");
        }
    }

    /**
     * Reads, in one snapshot, the head of the global index, the gaps below it and every event up to it, each
     * customer's events together and in order, and hands each event, deserialized lazily, to {@code each}.
     *
     * @return the token at the head with its gaps; null when there are no events
     */
    private TrackingToken readHistory(Consumer<TrackedEventMessage<?>> each) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long head;
                try (PreparedStatement newest = connection.prepareStatement("select coalesce(max(globalindex), -1) from domainevententry");
                     ResultSet row = newest.executeQuery()) {
                    row.next();
                    head = row.getLong(1);
                }
                if (head < 0) {
                    return null;
                }
                SortedSet<Long> gaps = new TreeSet<>();
                try (PreparedStatement missing = connection.prepareStatement("""
                        select g from generate_series(?::bigint, ?::bigint) g
                        where not exists (select 1 from domainevententry where globalindex = g)""")) {
                    missing.setLong(1, Math.max(0, head - MAX_GAP_OFFSET));
                    missing.setLong(2, head);
                    try (ResultSet rows = missing.executeQuery()) {
                        while (rows.next()) {
                            gaps.add(rows.getLong(1));
                        }
                    }
                }
                try (PreparedStatement history = connection.prepareStatement("""
                        select globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp,
                               payloadtype, payloadrevision, payload, metadata
                        from domainevententry where globalindex <= ? order by aggregateidentifier, sequencenumber""")) {
                    history.setFetchSize(PAGE);
                    history.setLong(1, head);
                    try (ResultSet rows = history.executeQuery()) {
                        Stream<TrackedEventData<?>> stored = StreamSupport.stream(
                                Spliterators.spliteratorUnknownSize(new StoredEvents(rows), Spliterator.ORDERED), false);
                        EventUtils.upcastAndDeserializeTrackedEvents(stored, serializer, upcasters).forEach(each);
                    }
                }
                return GapAwareTrackingToken.newInstance(head, gaps);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the history", e);
        }
    }

    /** The rows of the history query as Axon's stored event data, as the JDBC event store reads them. */
    private record StoredEvents(ResultSet rows) implements Iterator<TrackedEventData<?>> {
        @Override
        public boolean hasNext() {
            try {
                return rows.next();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the history", e);
            }
        }

        @Override
        public TrackedEventData<?> next() {
            try {
                String aggregate = rows.getString(3);
                String eventId = rows.getString(5);
                return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(rows.getLong(1), List.of()),
                        new GenericDomainEventEntry<>(rows.getString(2), eventId.equals(aggregate) ? null : aggregate,
                                rows.getLong(4), eventId, rows.getString(6), rows.getString(7), rows.getString(8),
                                rows.getBytes(9), rows.getBytes(10)));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the history", e);
            }
        }
    }

    /** Applies the pages it is handed, in order, until {@link #DONE}; after a failure it only drains them. */
    private final class Worker implements Runnable {
        static final List<EventMessage<?>> DONE = Collections.unmodifiableList(new ArrayList<>());

        private final BlockingQueue<List<EventMessage<?>>> pages = new LinkedBlockingQueue<>(4);
        private final CountDownLatch finished = new CountDownLatch(1);
        private final List<Handlers> handlers;
        private final AtomicLong replayed;
        private volatile RuntimeException failure;

        Worker(List<Handlers> handlers, AtomicLong replayed) {
            this.handlers = handlers;
            this.replayed = replayed;
        }

        void hand(List<EventMessage<?>> page) {
            try {
                if (page == DONE || !page.isEmpty()) {
                    pages.put(page);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while replaying the history", e);
            }
        }

        @Override
        public void run() {
            try {
                for (List<EventMessage<?>> page = pages.take(); page != DONE; page = pages.take()) {
                    if (failure == null) {
                        try {
                            apply(page, handlers);
                            replayed.addAndGet(page.size());
                        } catch (RuntimeException failed) {
                            failure = failed;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("Interrupted while replaying the history", e);
            } finally {
                finished.countDown();
            }
        }

        /** @return what made a page fail, or null */
        RuntimeException awaitDone() {
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new IllegalStateException("Interrupted while replaying the history", e);
            }
            return failure;
        }
    }

    /** One page, one transaction: each event through each read model's interceptors and handlers. */
    private void apply(List<EventMessage<?>> page, List<Handlers> handlers) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(page);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            for (Handlers readModel : handlers) {
                new DefaultInterceptorChain<>(unitOfWork, readModel.interceptors(), message -> {
                    readModel.invoker().handle(message, Segment.ROOT_SEGMENT);
                    return null;
                }).proceed();
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("A page of the replay failed and was rolled back", result.exceptionResult());
        }
    }

    private record Handlers(EventHandlerInvoker invoker, List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
    }
}
