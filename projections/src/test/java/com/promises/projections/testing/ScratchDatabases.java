package com.promises.projections.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Databases a test run makes on a PostgreSQL server and drops when its JVM ends: the server
 * PROMISES_TEST_DATABASE_URL names (user PROMISES_TEST_DATABASE_USER, default postgres; password
 * PROMISES_TEST_DATABASE_PASSWORD), or any other the caller names.
 */
public final class ScratchDatabases {

    public static final String SERVER_URL = System.getenv("PROMISES_TEST_DATABASE_URL");
    public static final String SERVER_USER = System.getenv().getOrDefault("PROMISES_TEST_DATABASE_USER", "postgres");
    public static final String SERVER_PASSWORD = System.getenv().getOrDefault("PROMISES_TEST_DATABASE_PASSWORD", "");

    private ScratchDatabases() {
    }

    public static boolean serverNamed() {
        return SERVER_URL != null && !SERVER_URL.isBlank();
    }

    /** A new database on that server, dropped when the JVM ends; returns its JDBC URL. */
    public static String create(String prefix, String serverUrl, String user, String password) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(serverUrl, user, password, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                execute(serverUrl, user, password, "drop database if exists " + name + " with (force)")));
        return withDatabase(serverUrl, name);
    }

    /** jdbc:postgresql://host:port/db?params -> the same with another database. */
    public static String withDatabase(String url, String database) {
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
            throw new IllegalStateException("Test database at " + url + ": " + sql, e);
        }
    }
}
