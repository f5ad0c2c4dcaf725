package com.promises.api.infrastructure.persistence;

import com.promises.projections.history.CachingJacksonSerializer;
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
        return CachingJacksonSerializer.forHistory();
    }
}
