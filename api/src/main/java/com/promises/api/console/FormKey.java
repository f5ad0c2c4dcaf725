package com.promises.api.console;

import java.util.UUID;

/**
 * The Idempotency-Key of one rendered form, sent back in its hidden field {@code idempotencyKey}: submitting the
 * same form twice records once (the service's form idempotency filter replays the first answer).
 */
public final class FormKey {

    public static final String FIELD = "idempotencyKey";

    private FormKey() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}
