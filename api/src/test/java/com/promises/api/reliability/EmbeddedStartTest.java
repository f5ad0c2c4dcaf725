package com.promises.api.reliability;

import com.promises.PromisesApplication;
import com.promises.testing.Api;
import com.promises.testing.Api.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the embedded default's start leaves alone: a service still running on the files (a second one refuses to
 * start, in one sentence), and a process that happens to have the number a server left in its postmaster.pid.
 * How it starts again after a kill, its server stopped or left behind: {@link CrashUnderLoadTest}.
 */
class EmbeddedStartTest {

    @Test
    void aSecondServiceOnTheSameFilesRefusesToStartAndLeavesTheFirstAlone() {
        Path dataDir = ServiceProcess.freshDirectory("in-use");
        try (ServiceProcess first = ServiceProcess.of("in-use", Map.of("promises.data-dir", dataDir));
             ServiceProcess second = ServiceProcess.of("in-use-second", Map.of("promises.data-dir", dataDir))) {
            first.start().awaitReady();
            register(first.api(), "in-use-1", "Hotel Zhonghua");
            long serverPid = ServiceProcess.embeddedServer(dataDir).orElseThrow().pid();

            String log = second.start().awaitFailedStart();

            assertThat(log).contains("The data directory set by promises.data-dir (PROMISES_DATA_DIR) is in use by "
                    + "another running Promises service, which was left alone: " + dataDir.toAbsolutePath().normalize() + "\n");
            assertThat(ServiceProcess.embeddedServer(dataDir).map(ProcessHandle::pid)).contains(serverPid);
            assertThat(first.api().as(User.COLLECTOR).get("/api/v1/customers/in-use-1").status()).isEqualTo(200);
            register(first.api(), "in-use-2", "Hotel Beijing");
        } finally {
            ServiceProcess.stopEmbeddedServer(dataDir);
        }
    }

    @Test
    void aProcessThatInheritedTheServersNumberIsLeftAloneAndTheServerStarts() throws Exception {
        Path dataDir = ServiceProcess.freshDirectory("stale-number");
        startInProcess(dataDir).close();
        Process bystander = new ProcessBuilder("sleep", "300").start();
        try {
            // A server that ended without removing its postmaster.pid, whose number another process now has.
            Files.writeString(dataDir.resolve("postgres").resolve("postmaster.pid"),
                    bystander.pid() + "\n" + dataDir.resolve("postgres") + "\n");
            try (ConfigurableApplicationContext service = startInProcess(dataDir)) {
                assertThat(service.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class)).isOne();
            }
            assertThat(bystander.isAlive()).as("the process that has the number is never signalled").isTrue();
        } finally {
            bystander.destroyForcibly();
        }
    }

    private static ConfigurableApplicationContext startInProcess(Path dataDir) {
        return new SpringApplicationBuilder(PromisesApplication.class)
                .web(WebApplicationType.NONE)
                .run("--promises.data-dir=" + dataDir);
    }

    private static void register(Api api, String customerId, String name) {
        var answer = api.as(User.COLLECTOR).put("/api/v1/customers/" + customerId,
                "{\"name\": \"" + name + "\", \"currency\": \"CNY\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }
}
