package com.promises.api.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as the image runs it, as a child process of the test: the image's ENTRYPOINT (its JVM flags,
 * its jar) with the image's paths turned into the replay's, started in the image's WORKDIR, its output in a log.
 */
final class PackagedService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    final int port;

    private PackagedService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts it with these arguments and waits, within the bound, until it is ready. */
    static PackagedService start(ReplayedImage image, Path log, List<String> arguments, Duration bound) {
        List<String> command = new ArrayList<>();
        for (String word : image.dockerfile.last().last("ENTRYPOINT").orElseThrow().words()) {
            command.add(word.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : image.withLocalPaths(word));
        }
        int port = freePort();
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(image.file(image.dockerfile.last().last("WORKDIR").orElseThrow().body()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only the arguments configure it, not whatever the test run's environment holds.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("PROMISES_")
                || name.equals("SERVER_PORT") || name.equals("PORT") || name.startsWith("JAVA_TOOL_OPTIONS"));
        try {
            PackagedService service = new PackagedService(builder.start(), log, port);
            service.awaitReady(bound);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The service exited with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            try {
                HttpResponse<Void> readiness = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("The service was not ready within " + bound + ":\n" + tail());
    }

    /** SIGTERM, as docker stop sends it (Process.destroy on Linux); waits for the exit and answers its code. */
    int terminate(Duration bound) {
        sigterm();
        return awaitExit(bound);
    }

    void sigterm() {
        process.destroy();
    }

    int awaitExit(Duration bound) {
        try {
            if (!process.waitFor(bound.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("Still running " + bound + " after SIGTERM:\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Waits, within the bound, until the log has this line (the service's own account of where it is). */
    void awaitLog(String text, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!log().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No \"" + text + "\" in the log within " + bound + ":\n" + tail());
            }
            sleep(Duration.ofMillis(50));
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A port nothing listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
