package com.promises.testing;

import com.promises.PromisesApplication;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One running service in the test's JVM, on a port of its own, started and stopped by the test: one of several on
 * one database, or one whose processors the test stops and moves. Each instance has its own name, which is also the
 * owner of the processors' token claims: Axon's default owner is the JVM's name, which two services in one JVM would
 * share, and then each would take the other's claims as its own (in production each instance is a JVM of its own).
 */
public final class Instance implements AutoCloseable {

    public static final String NAME = "promises.test.instance-name";

    private final String name;
    private final ConfigurableApplicationContext context;

    private Instance(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** Starts the service with the test users of config/application.yml, {@code database} and {@code settings}. */
    public static Instance start(String name, Map<String, Object> database, Map<String, Object> settings, Class<?>... extras) {
        Map<String, Object> properties = new LinkedHashMap<>(database);
        properties.put("server.port", 0);
        properties.put(NAME, name);
        properties.putAll(settings);
        List<Class<?>> sources = new ArrayList<>(List.of(PromisesApplication.class, TokenOwner.class));
        sources.addAll(List.of(extras));
        var context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(TestDatabase.asArguments(properties));
        return new Instance(name, context);
    }

    public String name() {
        return name;
    }

    public Api api() {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    public StreamingEventProcessor processor(String processingGroup) {
        return bean(EventProcessingConfiguration.class).eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no streaming processor " + processingGroup));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, with the instance's name as the claims' owner. Not
     * a {@code @Configuration}: the application's component scan would find it and give it to every test's context.
     */
    static class TokenOwner {
        @Bean
        TokenStore instanceTokenStore(ConnectionProvider connections, Serializer serializer, TokenStoreProperties properties,
                                      @Value("${" + NAME + "}") String owner) {
            return JdbcTokenStore.builder().connectionProvider(connections).schema(TokenSchema.builder().build())
                    .serializer(serializer).claimTimeout(properties.getClaimTimeout()).nodeId(owner).build();
        }
    }
}
