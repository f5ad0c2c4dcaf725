package com.promises.api.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the test's own (the embedded binaries, its files under target/), given to the service
 * as an external server, which the test may stop and start again on the same files and port. The machine's
 * PostgreSQL is never stopped. A JVM shutdown hook of the library stops it should a test not get that far.
 */
final class OwnPostgres implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedPostgres server;

    private OwnPostgres(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static OwnPostgres start(String name) {
        OwnPostgres postgres = new OwnPostgres(ServiceProcess.freshDirectory(name), ServiceProcess.freePort());
        postgres.startAgain();
        return postgres;
    }

    /** The service's settings for this server. */
    Map<String, Object> settings() {
        return Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    /** PostgreSQL's fast shutdown: sessions are ended, what was committed stays. Returns once the server is gone. */
    void stop() {
        Optional<ProcessHandle> process = serverProcess();
        try {
            server.close();
            server = null;
            if (process.isPresent()) {
                process.get().onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("The test's PostgreSQL did not stop", e);
        }
    }

    void startAgain() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    private Optional<ProcessHandle> serverProcess() {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
