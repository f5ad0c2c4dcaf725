package com.promises.api.infrastructure.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
final class CachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private CachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    static CachingJacksonSerializer of(ObjectMapper objectMapper) {
        return new CachingJacksonSerializer(JacksonSerializer.builder().objectMapper(objectMapper));
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
