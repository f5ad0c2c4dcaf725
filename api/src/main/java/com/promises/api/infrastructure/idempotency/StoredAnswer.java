package com.promises.api.infrastructure.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/** The first answer to a keyed request, as it is replayed. */
record StoredAnswer(byte[] requestHash, int status, String contentType, String location, byte[] body) {

    static StoredAnswer captured(byte[] requestHash, ContentCachingResponseWrapper capture) {
        return new StoredAnswer(requestHash, capture.getStatus(), capture.getContentType(),
                capture.getHeader(HttpHeaders.LOCATION), capture.getContentAsByteArray());
    }

    /** This answer given again, marked as such. */
    void replayTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setHeader(IdempotencyKey.REPLAYED, "true");
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (location != null) {
            response.setHeader(HttpHeaders.LOCATION, location);
        }
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
