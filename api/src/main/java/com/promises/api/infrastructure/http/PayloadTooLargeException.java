package com.promises.api.infrastructure.http;

import org.springframework.util.unit.DataSize;

import java.io.IOException;

/** A request body over {@code promises.http.max-body-size}; an IOException so it can surface from a stream read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(DataSize limit) {
        super("The body is larger than the limit of " + limit.toKilobytes() + " KB.");
    }
}
