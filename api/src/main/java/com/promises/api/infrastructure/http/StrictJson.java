package com.promises.api.infrastructure.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Request bodies' reading rules, for bodies read outside Spring's message converters (the lines of an import). */
public final class StrictJson {

    private StrictJson() {
    }

    public static ObjectMapper of(ObjectMapper lenient) {
        return HttpConfiguration.strict(lenient);
    }
}
