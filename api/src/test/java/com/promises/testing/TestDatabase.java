package com.promises.testing;

import com.promises.projections.testing.ScratchDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives each application context a PostgreSQL database of its own. With PROMISES_TEST_DATABASE_URL
 * (a JDBC URL; user PROMISES_TEST_DATABASE_USER, default postgres, and PROMISES_TEST_DATABASE_PASSWORD)
 * it creates a new database on that server and drops it when the JVM ends; otherwise it points the
 * embedded default at a new data directory under target/. Either way the database is real.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SERVER_URL = ScratchDatabases.SERVER_URL;
    /**
     * The tests' key for signing auditors' bundles. With an external database the service will not start without a
     * key file, so a service a test runs in a process of its own is given this one.
     */
    public static final String SIGNING_KEY_FILE = Path.of("src/test/resources/audit-signing-key.pem").toAbsolutePath().toString();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("testDatabase", freshDatabase()));
    }

    /** Properties that point the service at a database nobody else uses. */
    public static Map<String, Object> freshDatabase() {
        return isExternal() ? freshExternalDatabase() : freshEmbeddedDirectory();
    }

    /** Command-line arguments outrank application.yml, as these must (builder properties are only defaults). */
    public static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /**
     * A second instance uses the first one's database: on the embedded default, its running server, signed in
     * the way the first one is (the embedded server asks for its password).
     */
    public static Map<String, Object> sameServerAs(ConfigurableApplicationContext first, Map<String, Object> database) {
        if (isExternal()) {
            return database;
        }
        HikariDataSource pool = first.getBean(HikariDataSource.class);
        return Map.of("spring.datasource.url", pool.getJdbcUrl(),
                "spring.datasource.username", pool.getUsername(),
                "spring.datasource.password", pool.getPassword());
    }

    public static boolean isExternal() {
        return SERVER_URL != null && !SERVER_URL.isBlank();
    }

    /**
     * Under target/, which a clean build removes. Not deleted at JVM exit: shutdown hooks run while
     * Spring is still stopping the embedded server, and pulling its files away can leave it running.
     */
    private static Map<String, Object> freshEmbeddedDirectory() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-databases"));
            Path directory = Files.createTempDirectory(parent.toAbsolutePath(), "promises-it-");
            return Map.of("promises.data-dir", directory.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> freshExternalDatabase() {
        return Map.of(
                "spring.datasource.url", ScratchDatabases.create("promises_it_", SERVER_URL, ScratchDatabases.SERVER_USER,
                        ScratchDatabases.SERVER_PASSWORD),
                "spring.datasource.username", ScratchDatabases.SERVER_USER,
                "spring.datasource.password", ScratchDatabases.SERVER_PASSWORD,
                "promises.audit.signing-key-file", SIGNING_KEY_FILE);
    }
}
