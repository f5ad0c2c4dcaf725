package com.promises.api.web.input;

import java.util.UUID;

/** Client-chosen ids, and the ones the service makes when a body leaves them out. */
public final class Ids {

    /** 1-64 characters, none of which needs escaping in a URL, a log line or SQL. */
    public static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";
    public static final String MESSAGE = "must be 1-64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'";

    private Ids() {
    }

    public static String orNew(String given) {
        return given != null ? given : UUID.randomUUID().toString();
    }
}
