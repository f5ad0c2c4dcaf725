package com.promises.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** What the event store holds, read with plain SQL so a test sees exactly what was written. */
public final class EventStoreRows {

    /** One stored event: its payload type's simple name, its payload and its metadata as JSON. */
    public record Row(String type, JsonNode payload, JsonNode metadata) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    public EventStoreRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    public List<Row> of(String customerId) {
        return jdbc.query("select payloadtype, payload, metadata from domainevententry "
                        + "where aggregateidentifier = ? order by sequencenumber",
                (row, n) -> new Row(simpleName(row.getString(1)), read(row.getBytes(2)), read(row.getBytes(3))),
                customerId);
    }

    public List<String> typesOf(String customerId) {
        return of(customerId).stream().map(Row::type).toList();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? JSON.nullNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
