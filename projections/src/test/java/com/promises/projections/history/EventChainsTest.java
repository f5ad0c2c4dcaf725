package com.promises.projections.history;

import com.promises.core.audit.EventChain;
import com.promises.core.promise.PromiseMade;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every appended event gets its link in its customer's hash chain, in its own transaction, and a changed row shows. */
class EventChainsTest {

    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void eachEventIsLinkedAfterTheOneBeforeItAcrossAppends() {
        Events customer = new Events("chain-appends");
        PromiseMade promise = customer.promiseMade("P-1", "500", MAY, MAY.plusDays(10));
        feed.record(customer.customerId(), customer.registered(), promise);
        feed.record(customer.customerId(), customer.paid("PAY-1", "P-1", "500.00", MAY.plusDays(2)));

        List<StoredEvent> stored = stored(customer.customerId());
        assertThat(stored).hasSize(3).allSatisfy(event -> assertThat(event.hash()).matches("[0-9a-f]{64}"));
        assertThat(stored.get(0).hash()).isEqualTo(EventChain.next(EventChain.genesis(customer.customerId()), stored.get(0).link()));
        assertThat(stored.get(2).hash()).isEqualTo(EventChain.next(stored.get(1).hash(), stored.get(2).link()));
        assertThat(stored.get(2).link().actor()).isEqualTo("collector");
        assertThat(firstOffTheChain(customer.customerId())).isNull();
    }

    @Test
    void aPayloadEditedInTheDatabaseIsNamedByItsSequence() {
        Events customer = new Events("chain-edited");
        PromiseMade promise = customer.promiseMade("P-1", "500", MAY, MAY.plusDays(10));
        feed.record(customer.customerId(), customer.registered(), promise, customer.paid("PAY-1", "P-1", "500.00", MAY));

        int edited = feed.jdbc().update("""
                update domainevententry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"500.00"', '"5000.00"'), 'UTF8')
                where aggregateidentifier = ? and sequencenumber = 1""", customer.customerId());

        assertThat(edited).isEqualTo(1);
        assertThat(firstOffTheChain(customer.customerId())).isEqualTo(1L);
    }

    @Test
    void aStreamWhosePreviousEventHasNoLinkIsLinkedFromItsStoredRows() {
        Events customer = new Events("chain-upgrade");
        feed.record(customer.customerId(), customer.registered(), customer.promiseMade("P-1", "500", MAY, MAY.plusDays(10)));
        List<String> linked = stored(customer.customerId()).stream().map(StoredEvent::hash).toList();
        // as an older instance of the service, still running during an upgrade, would have left them
        feed.jdbc().update("delete from event_chain where stream_id = ?", customer.customerId());

        feed.record(customer.customerId(), customer.promiseMade("P-2", "100", MAY, MAY.plusDays(20)));

        List<StoredEvent> stored = stored(customer.customerId());
        assertThat(stored).extracting(StoredEvent::hash).doesNotContainNull().startsWith(linked.toArray(String[]::new));
        assertThat(firstOffTheChain(customer.customerId())).isNull();
    }

    @Test
    void whatARolledBackTransactionAppendedLeavesNoLink() {
        String stream = "chain-rolled-back";
        new TransactionTemplate(feed.transactions()).executeWithoutResult(status -> {
            feed.history().append(new GenericDomainEventMessage<>("CustomerAccount", stream, 0,
                    new Events(stream).registered()));
            status.setRollbackOnly();
        });

        assertThat(feed.history().lastSequence(stream)).isEmpty();
        assertThat(feed.jdbc().queryForObject("select count(*) from event_chain where stream_id = ?", Long.class, stream))
                .isZero();
    }

    @Test
    void anAppendOutsideATransactionIsRefusedBeforeAnythingIsStored() {
        String stream = "chain-no-transaction";
        assertThatThrownBy(() -> feed.history().append(new GenericDomainEventMessage<>("CustomerAccount", stream, 0,
                new Events(stream).registered()))).isInstanceOf(IllegalStateException.class);
        assertThat(feed.history().lastSequence(stream)).isEmpty();
    }

    @Test
    void eventsStoredBeforeTheChainExistedAreLinkedByTheMigrationAsTheirAppendWouldHave() {
        DataSource beforeTheChain = ReadModelDatabase.migratedTo("40");
        try (EventFeed older = new EventFeed(beforeTheChain)) {
            Events first = new Events("migrated-1");
            Events second = new Events("migrated-2");
            older.record(first.customerId(), first.registered(), first.promiseMade("P-1", "70.50", MAY, MAY.plusDays(3)));
            older.record(second.customerId(), second.registered());
            older.record(first.customerId(), first.paid("PAY-1", "P-1", "70.50", MAY.plusDays(1)));
            List<String> asAppended = older.jdbc().queryForList(
                    "select hash from event_chain order by stream_id, sequence_number", String.class);
            older.jdbc().update("delete from event_chain"); // the store as it was before V40

            ReadModelDatabase.migrate(beforeTheChain);

            assertThat(older.jdbc().queryForList("select hash from event_chain order by stream_id, sequence_number", String.class))
                    .hasSize(4).isEqualTo(asAppended);
        }
    }

    @Test
    void aStreamLinkedPartWayIsLinkedOnFromItsLastLinkAsItsAppendsWouldHave() throws SQLException {
        Events customer = new Events("chain-part-way");
        feed.record(customer.customerId(), customer.registered(), customer.promiseMade("P-1", "500", MAY, MAY.plusDays(10)),
                customer.promiseMade("P-2", "100", MAY, MAY.plusDays(20)), customer.paid("PAY-1", "P-1", "500.00", MAY),
                customer.paid("PAY-2", "P-2", "100.00", MAY));
        List<String> asAppended = stored(customer.customerId()).stream().map(StoredEvent::hash).toList();
        feed.jdbc().update("delete from event_chain where stream_id = ? and sequence_number >= 2", customer.customerId());

        long linked;
        try (Connection connection = feed.dataSource().getConnection()) {
            linked = EventChains.linkUnchained(connection, customer.customerId());
        }

        assertThat(linked).isEqualTo(3);
        assertThat(stored(customer.customerId())).extracting(StoredEvent::hash).isEqualTo(asAppended);
    }

    @Test
    void aLinkThatCannotBeReadFailsTheLinkingWithTheDatabasesOwnError() throws SQLException {
        Events customer = new Events("chain-unreadable");
        feed.record(customer.customerId(), customer.registered(), customer.promiseMade("P-1", "500", MAY, MAY.plusDays(10)));
        feed.jdbc().update("delete from event_chain where stream_id = ? and sequence_number = 1", customer.customerId());

        try (Connection connection = feed.dataSource().getConnection()) {
            assertThatThrownBy(() -> EventChains.linkUnchained(linksUnreadable(connection), customer.customerId()))
                    .isInstanceOf(SQLException.class).hasMessage("connection lost");
        }
    }

    /** A connection on which reading a stored link fails, as when the database goes away in the middle of a walk. */
    private static Connection linksUnreadable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement") && ((String) arguments[0]).startsWith("select hash")) {
                        throw new SQLException("connection lost");
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<StoredEvent> stored(String customerId) {
        List<StoredEvent> stored = new ArrayList<>();
        feed.history().forEachStored(customerId, stored::add);
        return stored;
    }

    private static Long firstOffTheChain(String customerId) {
        EventChain.Walk walk = EventChain.walk(customerId);
        for (StoredEvent event : stored(customerId)) {
            if (!walk.next(event.link(), event.hash()).holds()) {
                return event.sequence();
            }
        }
        return null;
    }
}
