package com.promises.api.infrastructure.persistence;

import com.promises.core.account.CustomerRegistered;
import com.promises.testing.IntegrationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The known PostgreSQL traps of Axon 4, checked on the real schema. */
@IntegrationTest
class EventStoreSchemaTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager transactionManager;

    @Test
    void payloadMetadataAndTokenColumnsAreByteaNeverLargeObjects() {
        assertThat(columnType("domainevententry", "payload")).isEqualTo("bytea");
        assertThat(columnType("domainevententry", "metadata")).isEqualTo("bytea");
        assertThat(columnType("snapshotevententry", "payload")).isEqualTo("bytea");
        assertThat(columnType("snapshotevententry", "metadata")).isEqualTo("bytea");
        assertThat(columnType("tokenentry", "token")).isEqualTo("bytea");
    }

    @Test
    void writingEventsAndTokensLeavesNoLargeObjectsBehind() {
        appendRegistrations("schema-lo", 5);
        transactionManager.executeInTransaction(() -> {
            tokenStore.initializeTokenSegments("schema-test-processor", 1);
            tokenStore.storeToken(new GlobalSequenceTrackingToken(3), "schema-test-processor", 0);
        });

        assertThat(jdbc.queryForObject("select count(*) from tokenentry where processorname = 'schema-test-processor' and token is not null", Long.class))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void theGlobalIndexAllocatesOneAtATimeWithoutGaps() {
        Long increment = jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domainevententry_globalindex_seq'", Long.class);
        assertThat(increment).isEqualTo(1L);

        appendRegistrations("schema-gap", 20);
        List<Long> indexes = jdbc.queryForList(
                "select globalindex from domainevententry where aggregateidentifier like 'schema-gap-%' order by globalindex",
                Long.class);
        assertThat(indexes).hasSize(20);
        assertThat(indexes.get(indexes.size() - 1) - indexes.get(0)).isEqualTo(19L);
    }

    @Test
    void oneCustomerCannotHaveTwoEventsAtTheSameSequence() {
        List<String> uniqueIndexes = jdbc.queryForList("""
                select string_agg(a.attname, ',' order by k.ord)
                from pg_index i
                join pg_class t on t.oid = i.indrelid
                cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                where t.relname = 'domainevententry' and i.indisunique
                group by i.indexrelid
                """, String.class);
        assertThat(uniqueIndexes).contains("aggregateidentifier,sequencenumber", "eventidentifier", "globalindex");
    }

    private String columnType(String table, String column) {
        return jdbc.queryForObject(
                "select data_type from information_schema.columns where table_name = ? and column_name = ?",
                String.class, table, column);
    }

    private void appendRegistrations(String prefix, int count) {
        transactionManager.executeInTransaction(() -> eventStore.publish(IntStream.range(0, count)
                .mapToObj(i -> new GenericDomainEventMessage<>("CustomerAccount", prefix + "-" + i, 0,
                        new CustomerRegistered(prefix + "-" + i, "Customer " + i, "CNY", Instant.parse("2026-01-01T00:00:00Z"))))
                .toList()));
    }
}
