package com.promises.api.infrastructure.persistence;

import com.promises.projections.history.CachingJacksonSerializer;
import com.promises.projections.history.ChainingStorageEngine;
import com.promises.projections.history.EventChains;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * How Axon stores things in PostgreSQL: Jackson for every serializer (XStream is not on the
 * classpath), duplicate-key detection that understands PostgreSQL's SQL state, and each event's link
 * in its customer's hash chain written with it.
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
     * Axon's JDBC storage as its Spring Boot auto-configuration builds it, with each appended event's link in its
     * stream's hash chain written in the same transaction ({@link ChainingStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          DataSource dataSource) {
        EventStorageEngine storage = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
        return new ChainingStorageEngine(storage, new EventChains(dataSource, eventSerializer));
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
