package com.promises.projections.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh PostgreSQL database with the projections' tables (and the event history's), migrated by Flyway: on the
 * server PROMISES_TEST_DATABASE_URL names (user PROMISES_TEST_DATABASE_USER, default postgres; password
 * PROMISES_TEST_DATABASE_PASSWORD), dropped when the JVM ends, or else on one embedded server for the test run.
 */
public final class ReadModelDatabase {

    private static final String SERVER_URL = System.getenv("PROMISES_TEST_DATABASE_URL");
    private static EmbeddedPostgres embedded;

    private ReadModelDatabase() {
    }

    public static DataSource fresh() {
        return fresh(null);
    }

    /** A fresh database migrated up to this version only (all of them when null), to test a later migration. */
    public static DataSource fresh(String targetVersion) {
        String name = "projections_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        String user;
        String password;
        if (SERVER_URL != null && !SERVER_URL.isBlank()) {
            url = SERVER_URL;
            user = System.getenv().getOrDefault("PROMISES_TEST_DATABASE_USER", "postgres");
            password = System.getenv().getOrDefault("PROMISES_TEST_DATABASE_PASSWORD", "");
        } else {
            url = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        execute(url, user, password, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(url, user, password, "drop database if exists " + name + " with (force)")));
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(withDatabase(url, name));
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(4);
        dataSource.setMinimumIdle(0);
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (targetVersion != null) {
            flyway.target(targetVersion);
        }
        flyway.load().migrate();
        return dataSource;
    }

    /** Applies the migrations not yet applied. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM ends either way
                }
            }));
        }
        return embedded;
    }

    /** jdbc:postgresql://host:port/db?params with another database. */
    private static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        return base + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    private static void execute(String url, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(url, user, password);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
