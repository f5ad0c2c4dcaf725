package com.promises.api.infrastructure.tracing;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties one request to its log lines and to the metadata of every event it caused. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** Also the key in the events' metadata and in the logging MDC. */
    public static final String KEY = "correlationId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    /** The id of the request this thread serves, if any. */
    public static String current() {
        return MDC.get(KEY);
    }

    static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }
}
