package com.promises.projections.history;

import java.time.Instant;

/**
 * One event as the store holds it.
 *
 * @param type     the payload's type, fully qualified
 * @param metadata JSON; null when there is none
 * @param payload  JSON
 */
public record StoredEvent(long sequence, String type, Instant recordedAt, byte[] metadata, byte[] payload) {
}
