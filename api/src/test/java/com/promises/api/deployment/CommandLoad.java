package com.promises.api.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Light load: a few clients, each registering a customer of its own and then making promises for it, one
 * command at a time, each with an Idempotency-Key of its own. A client stops at the first answer that is not
 * 2xx or the first request that gets none (the service is going away), at its cap, or when told to.
 * Every command sent is kept with what came of it.
 */
final class CommandLoad {

    static final String USER = "collector";
    static final String PASSWORD = "collector-pw";
    private static final int CAP_PER_CLIENT = 2_000;

    private final int port;
    private final List<Thread> clients = new ArrayList<>();
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stop = new AtomicBoolean();

    CommandLoad(int port) {
        this.port = port;
    }

    /** A command as sent: enough to send it again with its key. */
    record Command(String customerId, String method, String path, String key, String body) {
    }

    /** What came of a command: its answer (status -1 when none came), and whether it was a replay of an earlier one. */
    record Sent(Command command, int status, boolean replayed, String answer) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    void start(String runId, int clientCount) {
        for (int i = 1; i <= clientCount; i++) {
            String customerId = runId + "-" + i;
            Thread client = new Thread(() -> run(customerId), "load-" + customerId);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    private void run(String customerId) {
        HttpClient http = client();
        if (!send(http, register(customerId))) {
            return;
        }
        for (int n = 1; n <= CAP_PER_CLIENT && !stop.get(); n++) {
            if (!send(http, makePromise(customerId, "P-" + n))) {
                return;
            }
        }
    }

    static Command register(String customerId) {
        return new Command(customerId, "PUT", "/api/v1/customers/" + customerId, customerId + "-register",
                "{\"name\": \"Shutdown test " + customerId + "\", \"currency\": \"CNY\"}");
    }

    static Command makePromise(String customerId, String promiseId) {
        return new Command(customerId, "POST", "/api/v1/customers/" + customerId + "/promises",
                customerId + "-" + promiseId, "{\"promiseId\": \"" + promiseId + "\", \"amount\": \"100.00\", "
                + "\"currency\": \"CNY\", \"dueDate\": \"2030-01-15\", \"channel\": \"PHONE\"}");
    }

    private boolean send(HttpClient http, Command command) {
        Sent outcome = send(http, port, command);
        sent.add(outcome);
        return outcome.acknowledged();
    }

    static Sent send(HttpClient http, int port, Command command) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + command.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization(USER, PASSWORD))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", command.key())
                .method(command.method(), HttpRequest.BodyPublishers.ofString(command.body()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Sent(command, response.statusCode(),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(), response.body());
        } catch (IOException noAnswer) {
            return new Sent(command, -1, false, noAnswer.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(command, -1, false, e.toString());
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String authorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    long acknowledged() {
        synchronized (sent) {
            return sent.stream().filter(Sent::acknowledged).count();
        }
    }

    boolean running() {
        return clients.stream().anyMatch(Thread::isAlive);
    }

    /** Tells the clients to stop and waits for them, within the bound. */
    List<Sent> stop(Duration bound) throws InterruptedException {
        stop.set(true);
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread client : clients) {
            client.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        if (running()) {
            throw new AssertionError("Load clients still running " + bound + " after being told to stop");
        }
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }
}
