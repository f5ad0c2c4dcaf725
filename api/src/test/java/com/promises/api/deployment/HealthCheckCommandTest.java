package com.promises.api.deployment;

import com.promises.testing.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The health checks of the Dockerfile and docker-compose.yml, run as Docker runs them: CMD-SHELL and the
 * HEALTHCHECK's shell form under dash (the images' /bin/sh), with the image's files from the Dockerfile's
 * replay and the container's SERVER_PORT. Each passes against the running service and fails against a port
 * nothing listens on and against a service that is up but not ready.
 */
@IntegrationTest
class HealthCheckCommandTest {

    private static Map<String, Object> compose;

    @Value("${local.server.port}")
    int port;

    @Autowired
    HikariDataSource dataSource;

    @BeforeAll
    static void readCompose() throws IOException {
        try (InputStream in = Files.newInputStream(Checkout.file("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "docker-compose.yml"})
    void theServicesHealthCheckPassesAgainstTheRunningService(String file) {
        Check check = run(serviceCheck(file), Map.of("SERVER_PORT", Integer.toString(port)));
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "docker-compose.yml"})
    void theServicesHealthCheckFailsWhenNothingListens(String file) {
        Check check = run(serviceCheck(file), Map.of("SERVER_PORT", Integer.toString(PackagedService.freePort())));
        assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("did not answer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "docker-compose.yml"})
    void theServicesHealthCheckFailsWhileTheServiceIsNotReady(String file) throws IOException {
        HttpServer notReady = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notReady.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"OUT_OF_SERVICE\"}".getBytes();
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        notReady.start();
        try {
            Check check = run(serviceCheck(file), Map.of("SERVER_PORT", Integer.toString(notReady.getAddress().getPort())));
            assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
            assertThat(check.output()).contains("answered 503");
        } finally {
            notReady.stop(0);
        }
    }

    @Test
    void thePostgresHealthCheckAsksTheServerOverTcp() {
        URI database = URI.create(dataSource.getJdbcUrl().substring("jdbc:".length()));
        assumeThat(database.getHost()).as("the check asks 127.0.0.1, as inside the container").isIn("localhost", "127.0.0.1");
        List<String> check = shellCommand(composeHealthCheck("postgres"));
        Check running = run(check, Map.of("PGPORT", Integer.toString(database.getPort())));
        assertThat(running.exitCode()).as(running.output()).isZero();
        assertThat(running.output()).contains("accepting connections");
        Check absent = run(check, Map.of("PGPORT", Integer.toString(PackagedService.freePort())));
        assertThat(absent.exitCode()).as(absent.output()).isNotZero();
    }

    private static List<String> serviceCheck(String file) {
        ReplayedImage image = ReplayedImage.ofCheckout();
        if (file.equals("Dockerfile")) {
            return imageCommand(image, dockerfileHealthCheck(image.dockerfile));
        }
        return imageCommand(image, shellCommand(composeHealthCheck("promises")));
    }

    /** HEALTHCHECK [options] CMD command: the shell form runs under /bin/sh -c, the exec form as it is. */
    private static List<String> dockerfileHealthCheck(Dockerfile dockerfile) {
        String body = dockerfile.last().last("HEALTHCHECK").orElseThrow().body();
        assertThat(body).startsWith("CMD ");
        String command = body.substring("CMD ".length()).strip();
        if (command.startsWith("[")) {
            return new Dockerfile.Instruction("CMD", command).words();
        }
        return List.of("/bin/sh", "-c", command);
    }

    /** A compose healthcheck's test: ["CMD-SHELL", command] runs under /bin/sh -c; ["CMD", args...] as it is. */
    @SuppressWarnings("unchecked")
    private static List<String> composeHealthCheck(String service) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> healthcheck = (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("healthcheck");
        List<String> test = ((List<Object>) healthcheck.get("test")).stream().map(word -> interpolated(word.toString())).toList();
        return switch (test.get(0)) {
            case "CMD-SHELL" -> List.of("/bin/sh", "-c", test.get(1));
            case "CMD" -> test.subList(1, test.size());
            default -> throw new AssertionError("A health check test starts with CMD or CMD-SHELL: " + test);
        };
    }

    /** Compose replaces $VAR and ${VAR} with the host's values when it reads the file; $$ is a literal $. */
    private static String interpolated(String text) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$') {
                assertThat(text.charAt(i + 1)).as("an unescaped $ in a health check is the host's variable: %s", text).isEqualTo('$');
                i++;
            }
            result.append(c);
        }
        return result.toString();
    }

    /** Shell form: /bin/sh is dash in the images, so it is dash here. */
    private static List<String> shellCommand(List<String> command) {
        if (!command.get(0).equals("/bin/sh")) {
            return command;
        }
        return List.of(Checkout.dash().toString(), command.get(1), command.get(2));
    }

    private static List<String> imageCommand(ReplayedImage image, List<String> command) {
        return shellCommand(command).stream().map(image::withLocalPaths).toList();
    }

    /** Runs the check as Docker does: with the container's environment, the image's java on the PATH. */
    private static Check run(List<String> command, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("health-check-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.equals("SERVER_PORT") || name.equals("PORT") || name.startsWith("PG"));
            builder.environment().putAll(environment);
            builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Still running after a minute: " + command);
            }
            Check check = new Check(process.exitValue(), Files.readString(output));
            Files.delete(output);
            return check;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A check's exit code (0 healthy, 1 unhealthy for Docker) and what it printed. */
    private record Check(int exitCode, String output) {
    }
}
