package com.promises.api.infrastructure.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Limits of the HTTP surface, under {@code promises.http.*}.
 *
 * @param maxBodySize a request body above this is refused with 413 before it is parsed
 * @param idempotency how long answers to keyed requests are kept, and how long a retry waits for the first
 */
@ConfigurationProperties("promises.http")
public record HttpSettings(@DefaultValue("1MB") DataSize maxBodySize,
                           @DefaultValue Idempotency idempotency) {

    /**
     * @param retention an answer stays replayable at least this long (the contract promises 24 hours)
     * @param retryWait a retry arriving while the first request runs waits this long for its answer, then gets 409
     */
    public record Idempotency(@DefaultValue("25h") Duration retention,
                              @DefaultValue("10s") Duration retryWait) {
    }
}
