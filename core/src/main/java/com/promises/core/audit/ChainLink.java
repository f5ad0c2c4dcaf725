package com.promises.core.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the hash chain vouches for in one stored event: its place in the stream, what it is, when it was recorded,
 * by whom and under which request, and its payload.
 *
 * @param type          the payload's type as stored (fully qualified)
 * @param actor         who recorded it, or null
 * @param correlationId the request it came from, or null
 * @param payload       the payload as JSON text, in any spelling (it is hashed in its canonical one)
 */
public record ChainLink(long sequence, String type, Instant recordedAt, String actor, String correlationId,
                        String payload) {

    /**
     * The canonical serialisation the hash covers: a JSON object of the six fields, members sorted, the payload in
     * {@link CanonicalJson}'s spelling, the recording time as ISO-8601 UTC ({@link Instant#toString()}).
     *
     * @throws IllegalArgumentException when the payload is not JSON
     */
    public String canonical() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sequence", sequence);
        fields.put("type", type);
        fields.put("recordedAt", recordedAt.toString());
        fields.put("actor", actor);
        fields.put("correlationId", correlationId);
        fields.put("payload", new CanonicalJson.Canonical(CanonicalJson.of(payload)));
        return CanonicalJson.object(fields);
    }
}
