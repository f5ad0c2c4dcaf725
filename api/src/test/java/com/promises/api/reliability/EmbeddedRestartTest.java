package com.promises.api.reliability;

import com.promises.testing.Api;
import com.promises.testing.Api.User;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service killed outright on the embedded default starts again on its files: its watchdog stops the server,
 * or, when the watchdog died with it, the next start finds the server left behind and stops it. A service still
 * running on the files is never disturbed: a second one refuses to start, in one sentence.
 */
class EmbeddedRestartTest {

    @Test
    void aKilledServiceStartsAgainOnItsFilesWithItsData() throws Exception {
        Path dataDir = ServiceProcess.freshDirectory("restart");
        try (ServiceProcess service = ServiceProcess.of("restart", Map.of("promises.data-dir", dataDir))) {
            service.start().awaitReady();
            register(service.api(), "restart-1", "Hotel Zhonghua");

            ProcessHandle watched = server(dataDir).orElseThrow();
            service.kill();
            assertThat(watched.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("stopped by the watchdog").isFalse();

            service.start().awaitReady();
            register(service.api(), "restart-2", "Hotel Beijing");
            Optional<ProcessHandle> leftBehind = server(dataDir);
            service.killWithWatchdog();
            ServiceProcess.pause(Duration.ofSeconds(1));
            assertThat(leftBehind.orElseThrow().isAlive()).as("the server outlives a service killed with its watchdog").isTrue();

            service.start().awaitReady();
            assertThat(leftBehind.get().isAlive()).as("the server left behind was stopped").isFalse();
            assertThat(server(dataDir).map(ProcessHandle::pid)).isPresent().isNotEqualTo(leftBehind.map(ProcessHandle::pid));
            assertThat(service.api().as(User.COLLECTOR).get("/api/v1/customers/restart-1").json().path("name").asText())
                    .isEqualTo("Hotel Zhonghua");
            assertThat(service.api().as(User.COLLECTOR).get("/api/v1/customers/restart-2").json().path("name").asText())
                    .isEqualTo("Hotel Beijing");
        } finally {
            stopServer(dataDir);
        }
    }

    @Test
    void aSecondServiceOnTheSameFilesRefusesToStartAndLeavesTheFirstAlone() {
        Path dataDir = ServiceProcess.freshDirectory("in-use");
        try (ServiceProcess first = ServiceProcess.of("in-use", Map.of("promises.data-dir", dataDir));
             ServiceProcess second = ServiceProcess.of("in-use-second", Map.of("promises.data-dir", dataDir))) {
            first.start().awaitReady();
            register(first.api(), "in-use-1", "Hotel Zhonghua");
            long serverPid = server(dataDir).orElseThrow().pid();

            String log = second.start().awaitFailedStart();

            assertThat(log).contains("The data directory set by promises.data-dir (PROMISES_DATA_DIR) is in use by "
                    + "another running Promises service, which was left alone: " + dataDir.toAbsolutePath().normalize() + "\n");
            assertThat(server(dataDir).map(ProcessHandle::pid)).contains(serverPid);
            assertThat(first.api().as(User.COLLECTOR).get("/api/v1/customers/in-use-1").status()).isEqualTo(200);
            register(first.api(), "in-use-2", "Hotel Beijing");
        } finally {
            stopServer(dataDir);
        }
    }

    /** The embedded server running on the data directory, as its postmaster.pid names it. */
    static Optional<ProcessHandle> server(Path dataDir) {
        try {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            return Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).filter(ProcessHandle::isAlive)
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whatever happened, no server stays behind on the test's files (SIGTERM: PostgreSQL's own clean stop). */
    static void stopServer(Path dataDir) {
        server(dataDir).ifPresent(ProcessHandle::destroy);
    }

    private static void register(Api api, String customerId, String name) {
        var answer = api.as(User.COLLECTOR).put("/api/v1/customers/" + customerId,
                "{\"name\": \"" + name + "\", \"currency\": \"CNY\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }
}
