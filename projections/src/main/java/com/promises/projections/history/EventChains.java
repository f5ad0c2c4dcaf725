package com.promises.projections.history;

import com.promises.core.audit.ChainLink;
import com.promises.core.audit.EventChain;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each stream's hash chain, stored beside the events: a row per event with the hash core's {@link EventChain} gives
 * it after the stream's previous event. An appended event is linked from the message just stored, in the same
 * transaction; events stored without a link (before the chain existed, or by an older instance during an upgrade)
 * are linked from their stored rows.
 */
public final class EventChains {

    static final String TABLE = "event_chain";
    private static final Logger log = LoggerFactory.getLogger(EventChains.class);
    private static final String INSERT = "insert into " + TABLE + " (stream_id, sequence_number, hash) values (?, ?, ?)"
            + " on conflict do nothing";
    private static final int BATCH = 1_000;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final DataSource dataSource;
    private final Serializer serializer;

    /** @param serializer the event store's own, so a payload is hashed in the bytes it is stored as */
    public EventChains(DataSource dataSource, Serializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
    }

    /**
     * Links these events, which the current transaction has just stored, each after its stream's previous event. A
     * stream whose previous event has no link is linked from its stored rows instead, this batch's events with it.
     */
    void linkAppended(List<? extends EventMessage<?>> events) {
        Map<String, List<Appended>> byStream = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            Appended appended = Appended.of(event, serializer);
            byStream.computeIfAbsent(appended.stream(), s -> new ArrayList<>()).add(appended);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<String, List<Appended>> stream : byStream.entrySet()) {
                long first = stream.getValue().get(0).link().sequence();
                String head = first == 0 ? EventChain.genesis(stream.getKey()) : storedHash(connection, stream.getKey(), first - 1);
                if (head == null) {
                    linkUnchained(connection, stream.getKey());
                    continue;
                }
                for (Appended appended : stream.getValue()) {
                    head = EventChain.next(head, appended.link());
                    add(insert, stream.getKey(), appended.link().sequence(), head);
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the events' chain", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Links every stored event that has no link yet, from its stored row: of one stream, or of all when
     * {@code stream} is null (a migration, which logs its progress). An event whose payload is not JSON cannot be
     * linked; it and its stream's later events stay without a link, and a verification names it.
     *
     * @return how many events were linked
     */
    public static long linkUnchained(Connection connection, String stream) throws SQLException {
        long total = stream == null ? JdbcEventHistory.count(connection) : -1;
        Walk walk = new Walk(connection, total);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            walk.insert = insert;
            JdbcEventHistory.forEachUnchained(connection, stream, walk::link);
            insert.executeBatch();
        } catch (UncheckedSql e) {
            throw e.getCause();
        }
        if (stream == null && walk.linked > 0) {
            log.info("Linked {} stored events into their streams' hash chains", walk.linked);
        }
        return walk.linked;
    }

    private static String storedHash(Connection connection, String stream, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select hash from " + TABLE + " where stream_id = ? and sequence_number = ?")) {
            select.setString(1, stream);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static void add(PreparedStatement insert, String stream, long sequence, String hash) throws SQLException {
        insert.setString(1, stream);
        insert.setLong(2, sequence);
        insert.setString(3, hash);
        insert.addBatch();
    }

    /** An appended event: its stream, and its link as it is being stored (Axon's own rules for both). */
    private record Appended(String stream, ChainLink link) {

        static Appended of(EventMessage<?> event, Serializer serializer) {
            boolean domain = event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null;
            // as Axon stores an event outside any aggregate: its own id as the stream, sequence 0
            String stream = domain ? ((DomainEventMessage<?>) event).getAggregateIdentifier() : event.getIdentifier();
            long sequence = domain ? ((DomainEventMessage<?>) event).getSequenceNumber() : 0;
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            Instant recordedAt = DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(event.getTimestamp()));
            return new Appended(stream, new ChainLink(sequence, payload.getType().getName(), recordedAt,
                    text(event.getMetaData().get("actor")), text(event.getMetaData().get("correlationId")),
                    new String(payload.getData(), StandardCharsets.UTF_8)));
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /** Stored rows linked in stream order: each stream's head carried from one row to the next. */
    private static final class Walk {
        private final Connection connection;
        private final long total;
        private final long started = System.nanoTime();
        private long lastReport = started;
        private PreparedStatement insert;
        private String stream;
        private String head;
        private long nextSequence;
        private boolean stuck;
        private long linked;
        private long batched;

        Walk(Connection connection, long total) {
            this.connection = connection;
            this.total = total;
        }

        void link(StoredEvent event) {
            try {
                if (!event.stream().equals(stream) || event.sequence() != nextSequence) {
                    stream = event.stream();
                    stuck = false;
                    head = event.sequence() == 0 ? null : storedHash(connection, stream, event.sequence() - 1);
                    if (head == null) {
                        head = EventChain.genesis(stream);
                    }
                }
                nextSequence = event.sequence() + 1;
                if (stuck) {
                    return;
                }
                try {
                    head = EventChain.next(head, event.link());
                } catch (IllegalArgumentException notJson) {
                    log.warn("Stream {}: the payload at sequence {} is not JSON; it and the stream's later events "
                            + "cannot be chained", stream, event.sequence());
                    stuck = true;
                    return;
                }
                add(insert, stream, event.sequence(), head);
                linked++;
                if (++batched == BATCH) {
                    insert.executeBatch();
                    batched = 0;
                }
                reportProgress();
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        private void reportProgress() {
            long now = System.nanoTime();
            if (total > 0 && now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                log.info("Chaining the stored events: {} of {} ({} s)", linked, total, (now - started) / 1_000_000_000L);
            }
        }
    }

    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
