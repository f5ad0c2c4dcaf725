package com.promises.api.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;

/**
 * Every login to the embedded server needs its password (SCRAM-SHA-256), so no other local process can sign in
 * as its superuser and rewrite the event store or the idempotency table behind the API and its audit trail.
 * The password is random, made at the first start and kept in the data directory in a file only its owner may
 * read; the server listens on localhost only.
 * <p>
 * A new database cluster gets the password when it is created, so it never accepts a login without it. A
 * cluster made before passwords (its pg_hba.conf trusts local logins) is started once as it is, given the
 * password, and stopped; every later start finds pg_hba.conf asking for the password.
 */
final class EmbeddedServerPassword {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerPassword.class);
    static final String FILE = "postgres-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HBA = """
            # Written by the Promises service at every start: each login needs the password kept in its data directory.
            local  all  all                scram-sha-256
            host   all  all  127.0.0.1/32  scram-sha-256
            host   all  all  ::1/128       scram-sha-256
            """;

    private final Path file;
    private final String secret;

    private EmbeddedServerPassword(Path file, String secret) {
        this.file = file;
        this.secret = secret;
    }

    /** The password kept in {@code dataDirectory}, made now if there is none yet. */
    static EmbeddedServerPassword of(Path dataDirectory, Path serverDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                keepPrivate(file);
                return new EmbeddedServerPassword(file, Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            if (asksForPassword(serverDirectory)) {
                throw new IllegalStateException("The embedded database in " + serverDirectory.toAbsolutePath().normalize()
                        + " needs the password that was kept in " + file.toAbsolutePath().normalize()
                        + ", and that file is gone: restore it from a backup of the data directory.");
            }
            return new EmbeddedServerPassword(file, create(file));
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(dataDirectory, e);
        }
    }

    String secret() {
        return secret;
    }

    /** A cluster made before passwords: it trusts every local login until it is given the password. */
    boolean mustBeSetOn(Path serverDirectory) {
        return Files.exists(serverDirectory.resolve("postgresql.conf")) && !asksForPassword(serverDirectory);
    }

    /** Sets the password on a server that still trusts local logins; {@link #requireOn} closes that door. */
    void setOn(EmbeddedPostgres trusting) {
        log.info("The embedded database trusted every local login; it now asks for the password in {}", file);
        // ALTER ROLE takes no parameters: the secret goes into the statement, so it must be one this service made.
        if (!secret.matches("[A-Za-z0-9_-]{32,}")) {
            throw new IllegalStateException(file + " does not hold a password this service made");
        }
        try (var connection = trusting.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("alter role postgres password '" + secret + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded database's password", e);
        }
    }

    /** The settings under which the server asks every login for the password and listens on localhost only. */
    EmbeddedPostgres.Builder requireOn(EmbeddedPostgres.Builder builder) {
        return builder
                // The library hands these "locale" options to initdb as --name=value: a new cluster starts with the password.
                .setLocaleConfig("pwfile", file.toAbsolutePath().toString())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", secret)
                // Runs after initdb and before the server starts, on a new cluster and an existing one alike.
                .setDataDirectoryCustomizer(directory -> writeHba(directory.toPath()));
    }

    private static boolean asksForPassword(Path serverDirectory) {
        Path hba = serverDirectory.resolve("pg_hba.conf");
        try {
            return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA);
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(serverDirectory, e);
        }
    }

    private static void writeHba(Path serverDirectory) {
        try {
            Files.writeString(serverDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(serverDirectory, e);
        }
    }

    /** Written whole under another name and then renamed, so a crash never leaves half a password. */
    private static String create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path draft = file.resolveSibling(FILE + ".new");
        Files.deleteIfExists(draft);
        try {
            Files.createFile(draft, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(draft);
        }
        Files.writeString(draft, secret, StandardCharsets.UTF_8);
        Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
        return secret;
    }

    private static void keepPrivate(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Another file system: its own access rules apply.
        }
    }
}
