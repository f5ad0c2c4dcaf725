package com.promises.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bundle's JSON as the verifier reads it: numbers exactly as written (a hash depends on them), and each payload as
 * the event class its stored type names, read as the service's history reads it (dates as ISO text, unknown fields
 * tolerated; the service's settings are in projections' {@code CachingJacksonSerializer}).
 */
final class Payloads {

    /** A payload's type that is not among core's classes here (an event of a newer service). */
    static final Object UNKNOWN_TYPE = new Object();

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    /** @throws IOException when the line is not one JSON value */
    JsonNode line(String text) throws IOException {
        return json.readTree(text);
    }

    /** The JSON text of a node, numbers as read. */
    String text(JsonNode node) throws IOException {
        return json.writeValueAsString(node);
    }

    /**
     * The payload as an event of core, or {@link #UNKNOWN_TYPE}. Only classes of core's packages are looked up: a
     * bundle names the class, and nothing else on the class path should be made from it.
     *
     * @throws IOException when the payload does not fit its class
     */
    Object event(JsonNode payload, String type) throws IOException {
        Class<?> event = type != null && type.startsWith("com.promises.core.") ? classes.computeIfAbsent(type, Payloads::load) : null;
        return event == null || event == Unknown.class ? UNKNOWN_TYPE : json.treeToValue(payload, event);
    }

    private static Class<?> load(String type) {
        try {
            return Class.forName(type, false, Payloads.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Unknown.class;
        }
    }

    private static final class Unknown {
    }
}
