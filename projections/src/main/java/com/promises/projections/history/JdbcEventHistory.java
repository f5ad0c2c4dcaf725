package com.promises.projections.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The history in the tables of Axon's JDBC event store (migration V1, beside this class). Appends go through Axon;
 * reads that Axon's event store has no call for (the head, the events as stored, a replay in customer order) are
 * its own SQL, and this is the only class that names those tables. Every append also writes the event's link in its
 * stream's hash chain ({@link ChainingStorageEngine}).
 */
@Component
public class JdbcEventHistory implements EventHistory {

    /** Axon's table of domain events. Public for the benchmark, which measures raw reads of it. */
    public static final String EVENTS = "domainevententry";
    /** Each stored event with its link in the chain, if it has one. */
    private static final String STORED = """
            select e.aggregateidentifier, e.sequencenumber, e.payloadtype, e.timestamp, e.metadata, e.payload, c.hash
            from %s e left join %s c on c.stream_id = e.aggregateidentifier and c.sequence_number = e.sequencenumber"""
            .formatted(EVENTS, EventChains.TABLE);
    /** Events fetched from the database at a time in a replay. */
    static final int FETCH = 2_000;
    /** As Axon's JDBC event store: a gap further below the head than this is given up. */
    static final int MAX_GAP_OFFSET = 10_000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    /** Axon's event store is configured with the aggregates, whose cache asks this history: it is looked up on use. */
    private final ObjectProvider<EventStore> eventStore;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public JdbcEventHistory(JdbcTemplate jdbc, DataSource dataSource, ObjectProvider<EventStore> eventStore,
                     @Qualifier("eventSerializer") Serializer serializer, ObjectProvider<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.upcasters = new EventUpcasterChain(upcasters.orderedStream().toList());
    }

    @Override
    public long head() {
        Long max = jdbc.queryForObject("select coalesce(max(globalindex), -1) from " + EVENTS, Long.class);
        return max == null ? -1 : max;
    }

    @Override
    public Optional<Long> lastSequence(String customerId) {
        return eventStore.getObject().lastSequenceNumberFor(customerId);
    }

    @Override
    public List<? extends DomainEventMessage<?>> events(String customerId, long fromSequence) {
        return eventStore.getObject().readEvents(customerId, fromSequence).asStream().toList();
    }

    @Override
    public void forEachStored(String customerId, Consumer<StoredEvent> each) {
        jdbc.query(STORED + " where e.aggregateidentifier = ? order by e.sequencenumber",
                rs -> {
                    each.accept(stored(rs));
                }, customerId);
    }

    /**
     * The stored events that have no link in their stream's hash chain yet, each stream's together and in order: all
     * of them, or one stream's. On this connection, in its transaction (a migration's, or an append's).
     */
    static void forEachUnchained(Connection connection, String stream, Consumer<StoredEvent> each) throws SQLException {
        try (PreparedStatement unchained = connection.prepareStatement(STORED + " where c.hash is null"
                + (stream == null ? "" : " and e.aggregateidentifier = ?") + " order by e.aggregateidentifier, e.sequencenumber")) {
            unchained.setFetchSize(FETCH);
            if (stream != null) {
                unchained.setString(1, stream);
            }
            try (ResultSet rows = unchained.executeQuery()) {
                while (rows.next()) {
                    each.accept(stored(rows));
                }
            }
        }
    }

    /** The events stored in all, on this connection. */
    static long count(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from " + EVENTS);
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void append(DomainEventMessage<?> event) {
        eventStore.getObject().publish(event);
    }

    private static StoredEvent stored(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), Instant.parse(rs.getString(4)),
                rs.getBytes(5), rs.getBytes(6), rs.getString(7));
    }

    @Override
    public TrackingToken replay(Consumer<TrackedEventMessage<?>> each) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long head = head(connection);
                if (head < 0) {
                    return null;
                }
                SortedSet<Long> gaps = gapsBelow(connection, head);
                try (PreparedStatement history = connection.prepareStatement("""
                        select globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp,
                               payloadtype, payloadrevision, payload, metadata
                        from %s where globalindex <= ? order by aggregateidentifier, sequencenumber""".formatted(EVENTS))) {
                    history.setFetchSize(FETCH);
                    history.setLong(1, head);
                    try (ResultSet rows = history.executeQuery()) {
                        Stream<TrackedEventData<?>> stored = StreamSupport.stream(
                                Spliterators.spliteratorUnknownSize(new StoredRows(rows), Spliterator.ORDERED), false);
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

    private static long head(Connection connection) throws SQLException {
        try (PreparedStatement newest = connection.prepareStatement("select coalesce(max(globalindex), -1) from " + EVENTS);
             ResultSet row = newest.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static SortedSet<Long> gapsBelow(Connection connection, long head) throws SQLException {
        SortedSet<Long> gaps = new TreeSet<>();
        try (PreparedStatement missing = connection.prepareStatement("""
                select g from generate_series(?::bigint, ?::bigint) g
                where not exists (select 1 from %s where globalindex = g)""".formatted(EVENTS))) {
            missing.setLong(1, Math.max(0, head - MAX_GAP_OFFSET));
            missing.setLong(2, head);
            try (ResultSet rows = missing.executeQuery()) {
                while (rows.next()) {
                    gaps.add(rows.getLong(1));
                }
            }
        }
        return gaps;
    }

    /** The rows of the replay query as Axon's stored event data, as its JDBC event store reads them. */
    private record StoredRows(ResultSet rows) implements Iterator<TrackedEventData<?>> {
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
}
