package com.promises.projections.rebuild;

import com.promises.projections.history.EventHistory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays the whole history into the read models while their processors are stopped: the events are read
 * once, in pages, and each page goes through every processor's own handlers, with that processor's
 * interceptors and dead-letter queue, in one transaction: each event is read and deserialized once for all read
 * models, and no coordinator hands events out one by one.
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

    private final EventHistory history;
    private final TransactionManager transactions;
    private final TokenStore tokens;
    private final JdbcTemplate jdbc;

    BulkReplay(EventHistory history, TransactionManager transactions, TokenStore tokens, JdbcTemplate jdbc) {
        this.history = history;
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
            head = history.replay(event -> {
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
