package com.promises.api.infrastructure.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Limits of the HTTP surface, under {@code promises.http.*}.
 *
 * @param maxBodySize a request body above this is refused with 413 before it is parsed
 * @param maxImportSize the same for a posted import file ({@link #IMPORTS}), which is streamed to disk, never held in memory
 * @param idempotency how long answers to keyed requests are kept, and how long a retry waits for the first
 */
@ConfigurationProperties("promises.http")
public record HttpSettings(@DefaultValue("1MB") DataSize maxBodySize,
                           @DefaultValue("2GB") DataSize maxImportSize,
                           @DefaultValue Idempotency idempotency) {

    /** Where files of commands are posted. */
    public static final String IMPORTS = "/api/v1/imports";

    /** A posted import file: read as a stream, bounded by its own limit, never buffered whole. */
    public static boolean isImport(jakarta.servlet.http.HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && IMPORTS.equals(request.getRequestURI());
    }

    /**
     * @param retention an answer stays replayable at least this long (the contract promises 24 hours)
     * @param retryWait a retry arriving while the first request runs waits this long for its answer, then gets 409
     */
    public record Idempotency(@DefaultValue("25h") Duration retention,
                              @DefaultValue("10s") Duration retryWait) {
    }
}
