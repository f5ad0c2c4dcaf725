package com.promises.api.infrastructure.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.sql.SQLException;

/**
 * How Axon stores things in PostgreSQL: Jackson for every serializer (XStream is not on the
 * classpath), and duplicate-key detection that understands PostgreSQL's SQL state.
 */
@Configuration(proxyBeanMethods = false)
class AxonPersistenceConfiguration {

    /** PostgreSQL reports a unique violation as SQL state 23505, not as SQLIntegrityConstraintViolationException. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    @Primary
    Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jacksonSerializer();
    }

    /**
     * Two writers appending the same sequence number to one customer is a concurrency conflict,
     * which Axon must see as such (the aggregate reloads or the caller retries), not as a storage failure.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    @Bean
    static ExternalDatabaseCheck externalDatabaseCheck(ObjectProvider<DataSourceProperties> properties) {
        return new ExternalDatabaseCheck(properties);
    }

    private static Serializer jacksonSerializer() {
        return CachingJacksonSerializer.of(eventObjectMapper());
    }

    /**
     * Dates as ISO text so an auditor can read a payload as stored; unknown properties tolerated so
     * an older service can still read an event a newer one wrote with an added field.
     */
    static ObjectMapper eventObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }
}
