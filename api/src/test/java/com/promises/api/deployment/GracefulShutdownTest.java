package com.promises.api.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.api.deployment.CommandLoad.Sent;
import com.promises.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker stop sends SIGTERM, and SIGKILL after its grace period. The packaged service (the jar the Dockerfile's
 * replay built, started with the image's JVM flags) gets SIGTERM under light command load with one command held
 * in flight: that command is answered, the process exits as a JVM does on SIGTERM after closing its pool (and
 * its embedded server) in order with nothing logged at WARN or ERROR, and after a restart on the same data every
 * acknowledged command is stored exactly once, every key can be retried, and the read models agree with a replay.
 */
class GracefulShutdownTest {

    private static final Duration START_BOUND = Duration.ofMinutes(3);
    private static final Duration STOP_BOUND = Duration.ofMinutes(1);
    private static final int CLIENTS = 4;
    /** Load before the signal: at least this many acknowledged commands and this long. */
    private static final int ACKNOWLEDGED_BEFORE_SIGTERM = 40;
    private static final Duration LOAD_BEFORE_SIGTERM = Duration.ofSeconds(2);
    /** Of each client's acknowledged commands, the last ones (nearest the signal) are sent again after the restart. */
    private static final int RETRIED_PER_CUSTOMER = 5;
    /** The JVM's exit status after SIGTERM (128 + 15): it ran its shutdown hooks and stopped, as docker stop expects. */
    private static final int EXIT_ON_SIGTERM = 143;
    private static final String ADMIN = CommandLoad.authorization("admin", "admin-pw");
    /** The load's user, who is also an AUDITOR here (history, verification). */
    private static final String COLLECTOR = CommandLoad.authorization(CommandLoad.USER, CommandLoad.PASSWORD);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sigtermUnderLoadFinishesTheCommandInFlightAndLosesNothingAcknowledged() throws Exception {
        ReplayedImage image = ReplayedImage.ofCheckout();
        // Under target/, not a temporary directory: the services' logs stay there to read when this fails.
        Path temp = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "sigterm-");
        List<String> arguments = arguments(temp);
        String run = "sigterm-" + Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = CommandLoad.client();

        List<Sent> sent;
        try (PackagedService service = PackagedService.start(image, temp.resolve("first.log"), arguments, START_BOUND)) {
            sent = stopUnderLoad(service, http, run);
        }
        System.out.printf("SIGTERM under load: %d commands sent, %d acknowledged; the others: %s%n",
                sent.size(), sent.stream().filter(Sent::acknowledged).count(),
                sent.stream().filter(s -> !s.acknowledged()).map(s -> s.status() + " " + s.answer()).toList());

        try (PackagedService service = PackagedService.start(image, temp.resolve("second.log"), arguments, START_BOUND)) {
            assertThat(service.log()).as("the embedded server had been shut down cleanly")
                    .doesNotContain("was not properly shut down", "automatic recovery in progress");
            assertEveryKeyCanBeRetried(http, service.port, sent);
            Map<String, List<Sent>> byCustomer = sent.stream().collect(
                    Collectors.groupingBy(s -> s.command().customerId(), LinkedHashMap::new, Collectors.toList()));
            byCustomer.forEach((customerId, itsCommands) -> assertStoredOnce(http, service.port, customerId, itsCommands));
            awaitReadModelsCaughtUp(http, service.port);
            for (String customerId : byCustomer.keySet()) {
                JsonNode verification = get(http, service.port, "/api/v1/customers/" + customerId + "/audit/verify", COLLECTOR);
                assertThat(verification.path("consistent").asBoolean()).as("%s: %s", customerId, verification).isTrue();
            }
            assertThat(service.terminate(STOP_BOUND)).isEqualTo(EXIT_ON_SIGTERM);
        }
    }

    /** Load, one command held in flight, SIGTERM; the command in flight is then completed. Answers every command sent. */
    private static List<Sent> stopUnderLoad(PackagedService service, HttpClient http, String run) throws Exception {
        List<Sent> sent = new ArrayList<>();
        Sent registered = CommandLoad.send(http, service.port, CommandLoad.register(run + "-0"));
        assertThat(registered.acknowledged()).as(registered.answer()).isTrue();
        sent.add(registered);
        try (HalfSentCommand inFlight = HalfSentCommand.begin(service.port, CommandLoad.makePromise(run + "-0", "P-in-flight"))) {
            awaitRequestInProgress(http, service.port);
            CommandLoad load = new CommandLoad(service.port);
            load.start(run, CLIENTS);
            awaitProgress(load);

            service.sigterm();
            service.awaitLog("Commencing graceful shutdown", STOP_BOUND);
            Sent inFlightAnswer = inFlight.finish();
            int exit = service.awaitExit(STOP_BOUND);
            sent.addAll(load.stop(STOP_BOUND));
            sent.add(inFlightAnswer);

            assertThat(inFlightAnswer.status()).as("the command in flight at SIGTERM: %s", inFlightAnswer).isEqualTo(201);
            assertThat(exit).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(sent).as("the load lasted until the service stopped answering").anyMatch(s -> !s.acknowledged());
            assertThat(sent).as("answers other than acknowledgements or refusals while stopping")
                    .allMatch(s -> s.status() < 500 || s.status() == 503);
            assertShutDownInOrder(service.log());
        }
        return sent;
    }

    private static List<String> arguments(Path temp) {
        Map<String, Object> database = TestDatabase.isExternal()
                ? TestDatabase.freshDatabase() : Map.of("promises.data-dir", temp.resolve("data").toString());
        List<String> arguments = new ArrayList<>(List.of(TestDatabase.asArguments(database)));
        arguments.add("--promises.security.users=" + CommandLoad.USER + ":{noop}" + CommandLoad.PASSWORD
                + ":COLLECTOR+AUDITOR,admin:{noop}admin-pw:ADMIN");
        return arguments;
    }

    /** Until the service counts two requests in progress: the half-sent command and this question itself. */
    private static void awaitRequestInProgress(HttpClient http, int port) {
        long deadline = System.nanoTime() + STOP_BOUND.toNanos();
        while (activeRequests(http, port) < 2) {
            assertThat(System.nanoTime()).as("the half-sent command reached the service").isLessThan(deadline);
            PackagedService.sleep(Duration.ofMillis(50));
        }
    }

    private static double activeRequests(HttpClient http, int port) {
        for (JsonNode measurement : get(http, port, "/actuator/metrics/http.server.requests.active", ADMIN).path("measurements")) {
            if (measurement.path("statistic").asText().equals("ACTIVE_TASKS")) {
                return measurement.path("value").asDouble();
            }
        }
        return 0;
    }

    private static void awaitProgress(CommandLoad load) {
        long started = System.nanoTime();
        long deadline = started + START_BOUND.toNanos();
        while (load.acknowledged() < ACKNOWLEDGED_BEFORE_SIGTERM || System.nanoTime() - started < LOAD_BEFORE_SIGTERM.toNanos()) {
            assertThat(load.running()).as("load clients still sending").isTrue();
            assertThat(System.nanoTime()).as("%d commands acknowledged in time", ACKNOWLEDGED_BEFORE_SIGTERM).isLessThan(deadline);
            PackagedService.sleep(Duration.ofMillis(50));
        }
    }

    /**
     * The web server drained its requests, then the pool closed, then (embedded) the database server stopped,
     * and nothing on the way logged a warning or an error (a connection cut under a processor, a phase timing out).
     */
    private static void assertShutDownInOrder(String log) {
        String stopping = log.substring(log.indexOf("Commencing graceful shutdown"));
        assertThat(stopping).contains("Graceful shutdown complete", "promises - Shutdown completed.");
        assertThat(stopping.lines().filter(line -> line.matches("^\\S+\\s+(WARN|ERROR)\\s.*")))
                .as("warnings and errors while stopping").isEmpty();
        if (!TestDatabase.isExternal()) {
            assertThat(stopping.indexOf("server stopped")).as("the embedded server stopped after the pool closed")
                    .isGreaterThan(stopping.indexOf("promises - Shutdown completed."));
        }
    }

    /**
     * Sent again with their keys, the acknowledged commands are replayed and the others are carried out now:
     * no key was left claimed by a request the shutdown cut off.
     */
    private static void assertEveryKeyCanBeRetried(HttpClient http, int port, List<Sent> sent) {
        for (Sent first : toRetry(sent)) {
            Sent again = CommandLoad.send(http, port, first.command());
            if (first.acknowledged()) {
                assertThat(again.status()).as("%s sent again", first.command()).isEqualTo(first.status());
                assertThat(again.replayed()).as("%s sent again is a replay", first.command()).isTrue();
            } else {
                assertThat(again.acknowledged()).as("%s, unanswered, sent again: %s", first.command(), again).isTrue();
            }
        }
    }

    /** The unanswered commands, the command held in flight, and each customer's last acknowledged ones. */
    private static List<Sent> toRetry(List<Sent> sent) {
        Map<String, List<Sent>> acknowledged = sent.stream().filter(Sent::acknowledged).collect(
                Collectors.groupingBy(s -> s.command().customerId(), Collectors.toList()));
        List<Sent> retried = new ArrayList<>(sent.stream()
                .filter(s -> !s.acknowledged() || s.command().key().endsWith("P-in-flight")).toList());
        acknowledged.values().forEach(each -> retried.addAll(each.subList(Math.max(0, each.size() - RETRIED_PER_CUSTOMER), each.size())));
        return retried;
    }

    /** Every command sent (and so every acknowledged one) left its event exactly once, in an unbroken sequence. */
    private static void assertStoredOnce(HttpClient http, int port, String customerId, List<Sent> sent) {
        JsonNode events = get(http, port, "/api/v1/customers/" + customerId + "/history", COLLECTOR).path("events");
        List<String> promisesMade = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence").asLong()).as("%s event %d", customerId, i).isEqualTo(i);
            if (events.get(i).path("type").asText().equals("PromiseMade")) {
                promisesMade.add(events.get(i).path("payload").path("promiseId").asText());
            }
        }
        assertThat(events.get(0).path("type").asText()).isEqualTo("CustomerRegistered");
        Map<String, Long> timesStored = promisesMade.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> promisesSent = sent.stream().filter(s -> s.command().method().equals("POST"))
                .map(s -> s.command().key().substring(customerId.length() + 1)).distinct().toList();
        assertThat(timesStored).as("%s: promises stored, and how often", customerId)
                .containsOnlyKeys(promisesSent).allSatisfy((promiseId, times) -> assertThat(times).isEqualTo(1L));
    }

    private static void awaitReadModelsCaughtUp(HttpClient http, int port) {
        long deadline = System.nanoTime() + STOP_BOUND.toNanos();
        while (true) {
            JsonNode processors = get(http, port, "/api/v1/admin/projections", ADMIN).path("processors");
            assertThat(processors).isNotEmpty();
            boolean caughtUp = true;
            for (JsonNode processor : processors) {
                assertThat(processor.path("deadLetters").asLong()).as("dead letters of %s", processor).isZero();
                caughtUp &= processor.path("lag").asLong() == 0;
            }
            if (caughtUp) {
                return;
            }
            assertThat(System.nanoTime()).as("read models caught up: %s", processors).isLessThan(deadline);
            PackagedService.sleep(Duration.ofMillis(100));
        }
    }

    private static JsonNode get(HttpClient http, int port, String path, String authorization) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
