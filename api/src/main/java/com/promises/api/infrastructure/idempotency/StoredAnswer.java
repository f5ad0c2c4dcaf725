package com.promises.api.infrastructure.idempotency;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** The first answer to a keyed request, as it is replayed. */
record StoredAnswer(byte[] requestHash, int status, String contentType, String location, byte[] body) {

    static StoredAnswer captured(byte[] requestHash, ContentCachingResponseWrapper capture) {
        return new StoredAnswer(requestHash, capture.getStatus(), capture.getContentType(),
                capture.getHeader(HttpHeaders.LOCATION), capture.getContentAsByteArray());
    }
}
