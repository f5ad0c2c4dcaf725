package com.promises.api.infrastructure.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stops the embedded server when this service dies without stopping it. A small shell process reads a pipe
 * whose other end only this JVM holds; the operating system closes it when the JVM ends, however it ends, and
 * the shell then sends the server a fast shutdown (SIGINT), provided postmaster.pid still names the server
 * started here. A normal stop ends the watchdog first. Should the watchdog itself be killed, the next start
 * stops the server instead ({@link LeftBehindServer}).
 */
final class ServerWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerWatchdog.class);
    private static final String SCRIPT = """
            while read -r _; do :; done
            read -r pid < "$1/postmaster.pid" && [ "$pid" = "$2" ] && kill -INT "$2"
            """;

    private final Process process;

    private ServerWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the server now running on {@code serverDirectory}; without a shell, there is no watchdog. */
    static ServerWatchdog watch(Path serverDirectory) {
        try {
            List<String> pidFile = Files.readAllLines(serverDirectory.resolve(LeftBehindServer.SERVER_PID));
            Process process = new ProcessBuilder("sh", "-c", SCRIPT, "promises-postgres-watchdog",
                    serverDirectory.toAbsolutePath().toString(), pidFile.get(0).strip())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ServerWatchdog(process);
        } catch (IOException | IndexOutOfBoundsException e) {
            log.warn("No watchdog for the embedded PostgreSQL ({}); should this service be killed, its next start "
                    + "stops the server it leaves behind", e.toString());
            return new ServerWatchdog(null);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }
}
