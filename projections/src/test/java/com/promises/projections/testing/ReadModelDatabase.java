package com.promises.projections.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A fresh PostgreSQL database with the projections' tables (and the event history's), migrated by Flyway: on the
 * server PROMISES_TEST_DATABASE_URL names, or else on one embedded server for the test run.
 */
public final class ReadModelDatabase {

    private static EmbeddedPostgres embedded;

    private ReadModelDatabase() {
    }

    public static DataSource fresh() {
        DataSource dataSource = empty();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** A fresh database migrated up to this version only, to test a later migration against rows written before it. */
    public static DataSource migratedTo(String version) {
        DataSource dataSource = empty();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
        return dataSource;
    }

    private static DataSource empty() {
        HikariDataSource dataSource = new HikariDataSource();
        if (ScratchDatabases.serverNamed()) {
            dataSource.setJdbcUrl(ScratchDatabases.create("projections_", ScratchDatabases.SERVER_URL,
                    ScratchDatabases.SERVER_USER, ScratchDatabases.SERVER_PASSWORD));
            dataSource.setUsername(ScratchDatabases.SERVER_USER);
            dataSource.setPassword(ScratchDatabases.SERVER_PASSWORD);
        } else {
            dataSource.setJdbcUrl(ScratchDatabases.create("projections_", embedded().getJdbcUrl("postgres", "postgres"),
                    "postgres", ""));
            dataSource.setUsername("postgres");
        }
        dataSource.setMaximumPoolSize(4);
        // Nothing closes a test class's pool, so its idle connections go within seconds (Hikari's least), not ten
        // minutes: the whole suite's pools would otherwise outnumber the server's hundred connections.
        dataSource.setMinimumIdle(0);
        dataSource.setIdleTimeout(10_000);
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
}
