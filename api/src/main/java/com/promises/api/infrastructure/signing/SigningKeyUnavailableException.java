package com.promises.api.infrastructure.signing;

/** The service has no key to seal bundles with: none configured where one is required, or one that cannot be read. */
public class SigningKeyUnavailableException extends RuntimeException {

    SigningKeyUnavailableException(String message, Exception cause) {
        super(message, cause);
    }
}
