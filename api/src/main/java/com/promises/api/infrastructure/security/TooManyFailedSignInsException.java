package com.promises.api.infrastructure.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Sign-ins under this name or from this address failed too often lately; answered 429 with Retry-After. */
class TooManyFailedSignInsException extends AuthenticationException {

    private final Duration retryAfter;

    TooManyFailedSignInsException(Duration retryAfter) {
        super("Too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: a client that waits this long finds the lockout over. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
