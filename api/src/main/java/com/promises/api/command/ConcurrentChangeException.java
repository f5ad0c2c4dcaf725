package com.promises.api.command;

/** Others kept changing the same customer while this command was tried a few times; the client may retry. */
public class ConcurrentChangeException extends RuntimeException {

    ConcurrentChangeException(String customerId, Throwable cause) {
        super("Customer " + customerId + " was changed by other requests at the same moment; nothing was recorded. Send it again.", cause);
    }
}
