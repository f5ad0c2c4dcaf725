package com.promises.api.infrastructure.problem;

import org.springframework.http.HttpStatus;

/**
 * The stable codes of the problems the HTTP layer answers by itself, each with its status. The customer
 * account's refusals have their own codes ({@code Rejection}); Spring's remaining errors take the name of
 * their status.
 */
public enum ProblemCode {
    /** A URL or header the firewall will not pass on (an encoded dot, "//", a path parameter). */
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** A browser's cross-origin request from an origin, or with a method or header, that is not configured. */
    CORS_REQUEST_REFUSED(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    CUSTOMER_NOT_FOUND(HttpStatus.NOT_FOUND),
    FOLLOW_UP_NOT_FOUND(HttpStatus.NOT_FOUND),
    IMPORT_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** A method no endpoint serves (TRACE, PROPFIND, an invented one). */
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    CONCURRENT_MODIFICATION(HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY),
    /** promises.security.max-failures failed sign-ins under this name or from this address within the window. */
    TOO_MANY_SIGN_IN_FAILURES(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
