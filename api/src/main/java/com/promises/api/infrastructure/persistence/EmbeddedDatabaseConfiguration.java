package com.promises.api.infrastructure.persistence;

import com.promises.api.infrastructure.config.PromisesProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The zero-setup default: with no {@code spring.datasource.url}, a real PostgreSQL runs beside the
 * service from the binaries on the classpath, its files under {@code promises.data-dir}, so the data
 * survives a restart. It asks for a password and listens on localhost only ({@link EmbeddedServerPassword}).
 * Connections still come from a Hikari pool: a plain DataSource would open a new PostgreSQL connection
 * per unit of work.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "promises";

    /**
     * A server left running on these files by a service that was killed is stopped first; a live service
     * still using them makes this start fail instead ({@link LeftBehindServer}).
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PromisesProperties properties, EmbeddedServerPassword password) throws IOException {
        Path directory = writableDirectory(serverDirectory(properties));
        LeftBehindServer.stopIfAny(directory);
        if (password.mustBeSetOn(directory)) {
            try (EmbeddedPostgres trusting = builder(directory).start()) {
                password.setOn(trusting);
            }
        }
        EmbeddedPostgres postgres = password.requireOn(builder(directory)).start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL {} running on port {} with its files in {}",
                DATABASE, postgres.getPort(), directory.toAbsolutePath().normalize());
        return postgres;
    }

    @Bean
    EmbeddedServerPassword embeddedServerPassword(PromisesProperties properties) {
        return EmbeddedServerPassword.of(writableDirectory(properties.dataDir()), serverDirectory(properties));
    }

    /** Created after the server and closed before it: only a service that dies leaves the watchdog to act. */
    @Bean(destroyMethod = "close")
    ServerWatchdog embeddedPostgresWatchdog(PromisesProperties properties, EmbeddedPostgres postgres) {
        return ServerWatchdog.watch(serverDirectory(properties));
    }

    /** Declared after the server, so Spring closes the pool before it stops the server. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedServerPassword password) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", DATABASE))
                .username("postgres")
                .password(password.secret())
                .build();
    }

    private static Path serverDirectory(PromisesProperties properties) {
        return properties.dataDir().resolve("postgres");
    }

    private static EmbeddedPostgres.Builder builder(Path directory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                // The library's default is off: a crash could then lose commands already answered 201.
                .setServerConfig("synchronous_commit", "on")
                // Stopped by Spring (destroyMethod), after the pool: the library's own JVM shutdown hook would stop it
                // on SIGTERM at the same time as Spring closes, under the commands still being answered.
                .setRegisterShutdownHook(false);
    }

    private static Path writableDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryUnusableException(directory, e);
        }
        if (!Files.isWritable(directory)) {
            throw new DataDirectoryUnusableException(directory, null);
        }
        return directory;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database " + DATABASE, e);
        }
    }
}
