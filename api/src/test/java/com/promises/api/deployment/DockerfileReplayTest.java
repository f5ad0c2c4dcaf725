package com.promises.api.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The image builds: the Dockerfile's build stage, replayed without Docker (its COPY lines into a directory,
 * its RUN lines there with Maven on the test run's local repository), makes the jar the image's ENTRYPOINT runs,
 * from the modules the service is made of. A module missing from the COPY lines fails the replay, as it would fail docker build.
 */
class DockerfileReplayTest {

    @Test
    void theBuildStageMakesTheJarTheImageRuns() throws IOException {
        ReplayedImage image = ReplayedImage.ofCheckout();
        List<String> entrypoint = image.dockerfile.last().last("ENTRYPOINT").orElseThrow().words();
        Path jar = image.file(entrypoint.get(entrypoint.indexOf("-jar") + 1));
        assertThat(jar).isRegularFile();
        try (JarFile runnable = new JarFile(jar.toFile())) {
            assertThat(runnable.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("com.promises.PromisesApplication");
            List<String> entries = runnable.stream().map(ZipEntry::getName).toList();
            assertThat(entries).contains("BOOT-INF/classes/com/promises/PromisesApplication.class",
                    "BOOT-INF/classes/db/migration/V20__idempotency.sql");
            assertThat(entries).as("the modules the service is made of")
                    .anyMatch(entry -> entry.matches("BOOT-INF/lib/promises-core-[^/]+\\.jar"))
                    .anyMatch(entry -> entry.matches("BOOT-INF/lib/promises-projections-[^/]+\\.jar"))
                    .noneMatch(entry -> entry.contains("bench"));
        }
    }

    @Test
    void theBuildMakesOnlyTheModulesTheImageNeeds() {
        ReplayedImage image = ReplayedImage.ofCheckout();
        Path build = image.stageFile("build", "/src");
        assertThat(build.resolve("bench/pom.xml")).as("read by Maven with the reactor").isRegularFile();
        assertThat(build.resolve("bench/src")).as("the benchmark's sources are not in the build").doesNotExist();
        assertThat(build.resolve("api/src/test")).as("nor the tests'").doesNotExist();
        assertThat(build.resolve("bench/target")).as("the benchmark is not built").doesNotExist();
    }

    @Test
    void theImageRunsTheServiceAsAnUnprivilegedProcessThatGetsDockerStopsSignal() {
        Dockerfile.Stage image = ReplayedImage.ofCheckout().dockerfile.last();
        assertThat(image.last("USER").orElseThrow().body()).isNotIn("root", "0");
        Dockerfile.Instruction entrypoint = image.last("ENTRYPOINT").orElseThrow();
        // In the shell form the JVM would run under /bin/sh -c, which does not pass SIGTERM on.
        assertThat(entrypoint.isExecForm()).as("exec form: java is the container's first process").isTrue();
        assertThat(entrypoint.words()).first().isEqualTo("java");
        assertThat(entrypoint.words()).anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="));
        String dumps = entrypoint.words().stream().filter(flag -> flag.startsWith("-XX:HeapDumpPath="))
                .map(flag -> flag.substring("-XX:HeapDumpPath=".length())).findFirst().orElseThrow();
        assertThat(image.all("VOLUME")).as("heap dumps go to a volume, not the container's own layer")
                .anyMatch(volume -> volume.words().contains(dumps));
        assertThat(image.last("HEALTHCHECK")).isPresent();
    }

    @Test
    void theReplayRefusesACopyOfWhatTheBuildContextLeavesOut(@TempDir Path context) throws IOException {
        Files.writeString(context.resolve(".dockerignore"), "**/target\n");
        Files.createDirectories(context.resolve("api/target"));
        Files.writeString(context.resolve("api/target/promises-exec.jar"), "stale");
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"),
                "FROM eclipse-temurin:17-jdk AS build\nWORKDIR /src\nCOPY api/target/promises-exec.jar app.jar\n");
        assertThatThrownBy(() ->
                        ReplayedImage.replay(Dockerfile.read(dockerfile), context, Files.createDirectories(context.resolve("replay"))))
                .hasMessageContaining("COPY source not found in the build context: api/target/promises-exec.jar");
    }
}
