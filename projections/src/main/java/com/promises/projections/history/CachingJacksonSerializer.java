package com.promises.projections.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering what it looks up. Axon resolves a stored type name with
 * Class.forName on every call, four times for each event read (payload and metadata, when the message is
 * made and when it is read), and asks Jackson for a fresh reader, with its root deserializer looked up
 * again, on every read. A name always
 * resolves to the same class, and a reader is immutable once the mapper is configured, which the
 * serializer's constructor finishes.
 */
public final class CachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private CachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    /** How events, their metadata and snapshots are written to the history. */
    public static CachingJacksonSerializer forHistory() {
        return of(historyObjectMapper());
    }

    static CachingJacksonSerializer of(ObjectMapper objectMapper) {
        return new CachingJacksonSerializer(JacksonSerializer.builder().objectMapper(objectMapper));
    }

    /**
     * Dates as ISO text so an auditor can read a payload as stored; unknown properties tolerated so an older
     * service can still read an event a newer one wrote with an added field.
     */
    static ObjectMapper historyObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    @Override
    @SuppressWarnings("rawtypes") // as Axon declares it
    public Class classForType(SerializedType type) {
        Objects.requireNonNull(type, "type");
        return classes.computeIfAbsent(resolveClassName(type), name -> super.classForType(type)); // the class depends on the name alone
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
