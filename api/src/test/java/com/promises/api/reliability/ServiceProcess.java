package com.promises.api.reliability;

import com.promises.PromisesApplication;
import com.promises.testing.Api;
import com.promises.testing.TestClock;
import com.promises.testing.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The service as a child JVM, the way it runs in production: its own process, which a test can kill outright.
 * It runs the api module's classes from the test's class path ({@code java -cp}, the test classes left out, so
 * it starts with the shipped settings); the packaged jar does not exist yet when the tests run. Output goes to
 * a log file under target/. A JVM shutdown hook kills every child still running, so none outlives the tests.
 */
final class ServiceProcess implements AutoCloseable {

    /** The test users, also in src/test/resources/config/application.yml, which the child does not read. */
    static final String USERS = "collector:{noop}collector-pw:COLLECTOR,auditor:{noop}auditor-pw:AUDITOR,admin:{noop}admin-pw:ADMIN";
    private static final Duration READY_BUDGET = Duration.ofMinutes(3);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final List<String> arguments;
    private final Path log;
    private final int port;
    private Process process;
    private String maxHeap = "512m";
    private boolean exitOnOutOfMemory;

    private ServiceProcess(List<String> arguments, Path log, int port) {
        this.arguments = arguments;
        this.log = log;
        this.port = port;
    }

    /** A service with these settings on a free port; {@link #start()} runs it, again after each kill. */
    static ServiceProcess of(String name, Map<String, Object> settings) {
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--promises.security.users=" + USERS));
        if (!settings.containsKey("promises.clock.fixed")) {
            // the tests' date (Customers.today()) in a process the test clock cannot reach
            arguments.add("--promises.clock.fixed=" + TestClock.INSTANCE.instant());
        }
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        if (settings.containsKey("spring.datasource.url") && !settings.containsKey("promises.audit.signing-key-file")) {
            arguments.add("--promises.audit.signing-key-file=" + TestDatabase.SIGNING_KEY_FILE);
        }
        try {
            Path log = Files.createDirectories(Path.of("target", "reliability")).resolve(name + "-" + port + ".log");
            return new ServiceProcess(arguments, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child's -Xmx, for a test of what fits in little memory: it exits on the first OutOfMemoryError. */
    ServiceProcess maxHeap(String size) {
        maxHeap = size;
        exitOnOutOfMemory = true;
        return this;
    }

    ServiceProcess start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", serviceClassPath(), PromisesApplication.class.getName()));
        if (exitOnOutOfMemory) {
            command.add(1, "-XX:+ExitOnOutOfMemoryError");
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only the arguments configure the child: none of the test machine's settings leak into it.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("PROMISES_"));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RUNNING.add(process);
        return this;
    }

    /** Waits until the service answers ready; fails with the end of its log when it stops or takes too long. */
    ServiceProcess awaitReady() {
        Instant deadline = Instant.now().plus(READY_BUDGET);
        Api api = api();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The service stopped while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            if (isReady(api)) {
                return this;
            }
            pause(Duration.ofMillis(250));
        }
        throw new AssertionError("The service was not ready within " + READY_BUDGET + ":\n" + logTail());
    }

    /** Waits for a start that must fail; returns the service's log. */
    String awaitFailedStart() {
        try {
            if (!process.waitFor(READY_BUDGET.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("The service neither started nor failed:\n" + logTail());
            }
            return Files.readString(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL to the JVM alone: its watchdog sees it gone and stops the embedded server. */
    void kill() {
        process.destroyForcibly();
        awaitExit(process.toHandle());
    }

    /** SIGKILL to the JVM and every process it started: an embedded server is left running without its service. */
    void killWithWatchdog() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        children.forEach(ServiceProcess::awaitExit);
        kill();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Api api() {
        return new Api(port);
    }

    int port() {
        return port;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM, the way a service manager stops it; SIGKILL when that takes longer than a minute. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    private static boolean isReady(Api api) {
        try {
            return api.anonymous().get("/actuator/health/readiness").status() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    /** The class path surefire gives the tests, without the test classes and their configuration. */
    private static String serviceClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The embedded server running on a service's data directory, as its postmaster.pid names it. */
    static Optional<ProcessHandle> embeddedServer(Path dataDir) {
        try {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            return Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).filter(ProcessHandle::isAlive)
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whatever happened, no server stays behind on a test's files (SIGTERM: PostgreSQL's own clean stop). */
    static void stopEmbeddedServer(Path dataDir) {
        embeddedServer(dataDir).ifPresent(ProcessHandle::destroy);
    }

    /** A new directory under target/reliability, for a service's data or a test's own database. */
    static Path freshDirectory(String name) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "reliability")).toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Process " + handle.pid() + " did not end after SIGKILL", e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
