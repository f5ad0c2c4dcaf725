package com.promises.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Api.User;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client's ledger of payments, each with an id and an Idempotency-Key of its own, kept until the service has
 * acknowledged it: an answer that never came (the service was killed, the connection broke) or a refusal for now
 * (503, a key still in use, a concurrent change) leaves the payment to be sent again with the same key and body.
 * Any other answer (a 500, an unexpected 4xx, a 503 without Retry-After) is a fault the test reports.
 * Afterwards the service's history is counted against the ledger, payment by payment.
 */
final class KeyedPayments {

    record Payment(String customerId, String paymentId, String key, String body) {
    }

    /** What the service holds against what it acknowledged. */
    record Check(long events, int stored, List<String> duplicates, List<String> storedButNotAcknowledged,
                 List<String> acknowledgedButMissing) {
    }

    private final String run;
    private final List<String> customers = new ArrayList<>();
    private final Set<Payment> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, Payment> acknowledged = new ConcurrentHashMap<>();
    private final Queue<Instant> acknowledgedAt = new ConcurrentLinkedQueue<>();
    private final Queue<String> faults = new ConcurrentLinkedQueue<>();
    private final AtomicLong numbers = new AtomicLong();
    final AtomicInteger lost = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();

    KeyedPayments(String run, int customerCount) {
        this.run = run;
        for (int i = 1; i <= customerCount; i++) {
            customers.add(run + "-c" + i);
        }
    }

    void registerCustomers(Api api) {
        for (String customer : customers) {
            var answer = api.as(User.COLLECTOR).idempotencyKey("register-" + customer)
                    .put("/api/v1/customers/" + customer, "{\"name\": \"Customer " + customer + "\", \"currency\": \"CNY\"}");
            if (answer.status() != 201 && answer.status() != 200) {
                throw new AssertionError("Registering " + customer + ": " + answer);
            }
        }
    }

    /** {@code clients} threads send new payments, each at most {@code perClient}, until {@link Load#stop()}. */
    Load start(Api api, int clients, int perClient) {
        Load load = new Load();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(() -> {
                for (int n = 0; n < perClient && !load.stopped.get(); n++) {
                    send(api, next());
                }
            }, run + "-client-" + i);
            client.setDaemon(true);
            load.clients.add(client);
            client.start();
        }
        return load;
    }

    /** Sends each payment whose answer is missing again, same key and body, until every one is acknowledged. */
    void retryUnanswered(Api api, Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        while (!unanswered.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(unanswered.size() + " payments still unacknowledged after " + budget);
            }
            for (Payment payment : List.copyOf(unanswered)) {
                retried.incrementAndGet();
                if (!send(api, payment)) {
                    ServiceProcess.pause(Duration.ofMillis(200));
                }
            }
        }
    }

    /** Reads every customer's history, as an auditor, and counts each payment id in it. */
    Check checkAgainst(Api api) {
        Map<String, Integer> stored = new HashMap<>();
        long events = 0;
        for (String customer : customers) {
            JsonNode history = api.as(User.AUDITOR).get("/api/v1/customers/" + customer + "/history").json().path("events");
            events += history.size();
            for (JsonNode event : history) {
                if (event.path("type").asText().equals("PaymentRecorded")) {
                    stored.merge(event.path("payload").path("paymentId").asText(), 1, Integer::sum);
                }
            }
        }
        return new Check(events, stored.size(),
                stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList(),
                stored.keySet().stream().filter(id -> !acknowledged.containsKey(id)).sorted().toList(),
                acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)).sorted().toList());
    }

    List<String> customers() {
        return customers;
    }

    /** Payments made up and sent at least once. */
    long sent() {
        return numbers.get();
    }

    int acknowledged() {
        return acknowledged.size();
    }

    int unanswered() {
        return unanswered.size();
    }

    List<String> faults() {
        return List.copyOf(faults);
    }

    /** When the service first acknowledged a payment at or after {@code instant}; null if it has not. */
    Instant firstAcknowledgedFrom(Instant instant) {
        return acknowledgedAt.stream().filter(at -> !at.isBefore(instant)).min(Instant::compareTo).orElse(null);
    }

    private Payment next() {
        long n = numbers.incrementAndGet();
        String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
        String paymentId = run + "-p" + n;
        String body = "{\"paymentId\": \"" + paymentId + "\", \"amount\": \"" + (10 + n % 90) + ".25\", "
                + "\"currency\": \"CNY\", \"paidOn\": \"2026-06-01\"}";
        return new Payment(customer, paymentId, run + "-key-" + n, body);
    }

    /** @return whether the service acknowledged it */
    private boolean send(Api api, Payment payment) {
        unanswered.add(payment);
        Api.Answer answer;
        try {
            answer = api.as(User.COLLECTOR).idempotencyKey(payment.key())
                    .post("/api/v1/customers/" + payment.customerId() + "/payments", payment.body());
        } catch (UncheckedIOException noAnswer) {
            lost.incrementAndGet();
            return false;
        }
        switch (answer.status()) {
            case 201 -> {
                acknowledged.put(payment.paymentId(), payment);
                acknowledgedAt.add(Instant.now());
                unanswered.remove(payment);
                if ("true".equals(answer.header("Idempotent-Replayed"))) {
                    replayed.incrementAndGet();
                }
                return true;
            }
            case 503 -> {
                unavailable.incrementAndGet();
                if (answer.header("Retry-After") == null || !answer.contentType().startsWith("application/problem+json")) {
                    faults.add("503 without Retry-After or problem+json for " + payment.paymentId() + ": " + answer);
                }
            }
            case 409 -> {
                if (!List.of("IDEMPOTENCY_KEY_IN_USE", "CONCURRENT_MODIFICATION").contains(answer.code())) {
                    faults.add(payment.paymentId() + ": " + answer);
                }
            }
            default -> faults.add(payment.paymentId() + ": " + answer);
        }
        return false;
    }

    /** Clients sending payments. */
    static final class Load {
        private final List<Thread> clients = new ArrayList<>();
        private final AtomicBoolean stopped = new AtomicBoolean();

        /** No client sends another payment; those under way finish (or lose their answer). */
        void stop() {
            stopped.set(true);
        }

        void await() {
            for (Thread client : clients) {
                try {
                    client.join(Duration.ofMinutes(2).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (client.isAlive()) {
                    throw new AssertionError(client.getName() + " did not finish");
                }
            }
        }

        boolean finished() {
            return clients.stream().noneMatch(Thread::isAlive);
        }
    }
}
