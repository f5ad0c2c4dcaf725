package com.promises.api.infrastructure.persistence;

import com.promises.PromisesApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server lets in only who knows its password, which lives in the data directory readable by its
 * owner alone; a data directory made before passwords (trusting every local login) is locked at its next start.
 */
class EmbeddedDatabasePasswordTest {

    /** The server asked for a password the client did not have (the driver's code), and a wrong one (the server's). */
    private static final String NO_PASSWORD_GIVEN = "08004";
    private static final String WRONG_PASSWORD = "28P01";

    @Test
    void aLoginWithoutThePasswordIsRefusedAndTheServiceSignsInWithIt() throws Exception {
        Path dataDir = freshDirectory();
        try (ConfigurableApplicationContext service = start(dataDir)) {
            int port = service.getBean(EmbeddedPostgres.class).getPort();
            assertThat(answerTo(port, null)).as("no password").isEqualTo(NO_PASSWORD_GIVEN);
            assertThat(answerTo(port, "postgres")).as("a wrong password").isEqualTo(WRONG_PASSWORD);

            Path passwordFile = dataDir.resolve(EmbeddedServerPassword.FILE);
            String secret = Files.readString(passwordFile).strip();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
            try (Connection signedIn = login(port, secret)) {
                assertThat(signedIn.isValid(5)).isTrue();
            }
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("localhost");
            assertThat(jdbc.queryForList("select distinct auth_method from pg_hba_file_rules", String.class))
                    .containsExactly("scram-sha-256");
        }
        try (ConfigurableApplicationContext again = start(dataDir)) {
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class)).isOne();
        }
    }

    @Test
    void aDataDirectoryMadeBeforePasswordsIsLockedAtItsNextStartAndKeepsItsData() throws Exception {
        Path dataDir = freshDirectory();
        // Made the way every data directory was before passwords: initdb trusting local logins.
        try (EmbeddedPostgres before = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false).start();
             Connection trusted = before.getPostgresDatabase().getConnection();
             var statement = trusted.createStatement()) {
            statement.execute("create database promises");
            statement.execute("create table kept (note text)");
            statement.execute("insert into kept values ('written before passwords')");
        }

        try (ConfigurableApplicationContext service = start(dataDir)) {
            int port = service.getBean(EmbeddedPostgres.class).getPort();
            assertThat(answerTo(port, null)).as("no password").isEqualTo(NO_PASSWORD_GIVEN);
            String secret = Files.readString(dataDir.resolve(EmbeddedServerPassword.FILE)).strip();
            try (Connection signedIn = login(port, secret);
                 var kept = signedIn.createStatement().executeQuery("select note from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("written before passwords");
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PromisesApplication.class)
                .web(WebApplicationType.NONE)
                .run("--promises.data-dir=" + dataDir);
    }

    private static Path freshDirectory() throws Exception {
        Path parent = Files.createDirectories(Path.of("target", "test-databases"));
        return Files.createTempDirectory(parent.toAbsolutePath(), "promises-password-");
    }

    /** Signs in to the server's own database as its superuser, the way any local process could try. */
    private static Connection login(int port, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", credentials);
    }

    /** The SQL state of the refusal, or "signed in". */
    private static String answerTo(int port, String password) {
        try {
            login(port, password).close();
            return "signed in";
        } catch (SQLException refused) {
            return refused.getSQLState();
        }
    }
}
