package com.promises.projections.history;

import com.promises.core.audit.ChainLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the chain vouches for of a stored event: who recorded it comes from its metadata, when that can be read. */
class StoredEventTest {

    private static final Instant RECORDED = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void theLinkCarriesTheSequenceTypeTimeOriginAndPayloadAsStored() {
        ChainLink link = stored("{\"actor\":\"collector-7\",\"correlationId\":\"req-42\",\"traceId\":\"x\"}").link();

        assertThat(link).isEqualTo(new ChainLink(3, "com.promises.core.promise.PromiseMade", RECORDED, "collector-7", "req-42",
                "{\"promiseId\":\"P-1\"}"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"not json at all {", "{}", "{\"actor\":null,\"correlationId\":null}"})
    void anOriginThatCannotBeReadIsNoOne(String metadata) {
        ChainLink link = stored(metadata).link();

        assertThat(link.actor()).isNull();
        assertThat(link.correlationId()).isNull();
        assertThat(link.payload()).isEqualTo("{\"promiseId\":\"P-1\"}");
    }

    private static StoredEvent stored(String metadata) {
        return new StoredEvent("customer-1", 3, "com.promises.core.promise.PromiseMade", RECORDED,
                metadata == null ? null : metadata.getBytes(StandardCharsets.UTF_8),
                "{\"promiseId\":\"P-1\"}".getBytes(StandardCharsets.UTF_8), "ab12");
    }
}
