package com.promises.api.infrastructure.idempotency;

import java.util.regex.Pattern;

/**
 * The Idempotency-Key as every keyed request reads it (the API's header, a console form's field, an import's
 * header): its name, the keys accepted, and the header that marks an answer given again.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKey() {
    }

    /** 1 to 255 visible ASCII characters, no spaces. */
    public static boolean acceptable(String key) {
        return ACCEPTABLE.matcher(key).matches();
    }
}
