package com.promises.api.infrastructure.idempotency;

/** The first answer to a keyed request, as it is replayed. */
record StoredAnswer(byte[] requestHash, int status, String contentType, String location, byte[] body) {
}
