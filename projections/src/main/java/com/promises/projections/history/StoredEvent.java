package com.promises.projections.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.core.audit.ChainLink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One event as the store holds it, with its link in the stream's hash chain.
 *
 * @param stream   the customer's id (or the service's own stream)
 * @param type     the payload's type, fully qualified
 * @param metadata JSON; null when there is none
 * @param payload  JSON
 * @param hash     the chain's hash stored for it; null when none is stored
 */
public record StoredEvent(String stream, long sequence, String type, Instant recordedAt, byte[] metadata, byte[] payload,
                          String hash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** What the chain vouches for: who recorded it and under which request come from its metadata. */
    public ChainLink link() {
        JsonNode origin = metadataJson();
        return new ChainLink(sequence, type, recordedAt, text(origin, "actor"), text(origin, "correlationId"),
                payloadText());
    }

    /** The metadata as JSON; null when there is none, or it is not JSON (a damaged row still gets audited). */
    private JsonNode metadataJson() {
        if (metadata == null) {
            return null;
        }
        try {
            return JSON.readTree(metadata);
        } catch (IOException damaged) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }
}
