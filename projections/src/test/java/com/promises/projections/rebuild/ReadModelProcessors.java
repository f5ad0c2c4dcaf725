package com.promises.projections.rebuild;

import com.promises.projections.history.EventHistory;
import com.promises.projections.schedule.ScheduleProjections;
import com.promises.projections.summary.Projectors;
import com.promises.projections.testing.EventFeed;
import com.promises.testing.Await;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;

import java.time.ZoneId;
import java.util.List;

/**
 * The read models' processors as the service runs them (pooled streaming, one segment, batches of 500, tokens and dead
 * letters in PostgreSQL), over a feed's database, in an Axon configuration without Spring; with the rebuild's classes
 * wired to them as the service wires them.
 */
final class ReadModelProcessors implements AutoCloseable {

    static final List<String> NAMES = List.of("customer-summary", "promise-schedule");

    final Configuration axon;
    final TokenStore tokens;
    final Projections projections;
    final InterruptedRebuild interrupted;

    /** @param bulkHistory the history the bulk replay reads (the feed's own, or one that fails) */
    ReadModelProcessors(EventFeed feed, EventHistory bulkHistory) {
        SpringDataSourceConnectionProvider connections = new SpringDataSourceConnectionProvider(feed.dataSource());
        this.tokens = JdbcTokenStore.builder().connectionProvider(connections).serializer(feed.serializer())
                .contentType(byte[].class).build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> feed.axonTransactions())
                .configureSerializer(c -> feed.serializer())
                .configureEventSerializer(c -> feed.serializer())
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(feed.storage()).build());
        configurer.eventProcessing()
                .registerTokenStore(c -> tokens)
                .registerEventHandler(c -> Projectors.summary(feed.jdbc()))
                .registerEventHandler(c -> ScheduleProjections.schedule(feed.jdbc(), ZoneId.of("UTC")));
        for (String name : NAMES) {
            configurer.eventProcessing()
                    .registerPooledStreamingEventProcessor(name, Configuration::eventStore,
                            (c, builder) -> builder.initialSegmentCount(1).batchSize(500))
                    .registerDeadLetterQueue(name, c -> JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(name).connectionProvider(connections).transactionManager(feed.axonTransactions())
                            .genericSerializer(feed.serializer()).eventSerializer(feed.serializer()).build());
        }
        this.axon = configurer.buildConfiguration();
        this.projections = new Projections(axon.eventProcessingConfiguration(), feed.jdbc(),
                new BulkReplay(bulkHistory, feed.axonTransactions(), tokens, feed.jdbc()), feed.history());
        this.interrupted = new InterruptedRebuild(axon.eventProcessingConfiguration(), feed.jdbc());
    }

    ReadModelProcessors(EventFeed feed) {
        this(feed, feed.history());
    }

    /** Starts the processors, as the service's start does after {@link InterruptedRebuild}. */
    ReadModelProcessors start() {
        axon.start();
        return this;
    }

    /** Until every processor runs, replays nothing and has applied every stored event. */
    void awaitCaughtUp() {
        Await.value("the read models catching up", projections::status, status -> status.processors().size() == NAMES.size()
                && status.processors().stream().allMatch(p -> p.running() && !p.replaying() && p.lag() == 0
                && p.position() == status.head()));
    }

    /**
     * Until the rebuild has finished and the processors have caught up after it; returns its progress then. (Right
     * after a failed bulk replay hands over, the processors may not have claimed their segments yet: the progress
     * then says not running with nothing processed, so "not running" alone is not the end.)
     */
    Projections.RebuildProgress awaitRebuilt() {
        Await.value("the rebuild finishing", () -> projections.status().rebuild(),
                progress -> progress != null && !progress.running() && progress.processed() >= progress.total());
        awaitCaughtUp();
        return projections.status().rebuild();
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
