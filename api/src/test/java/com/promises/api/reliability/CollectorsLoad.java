package com.promises.api.reliability;

import com.promises.testing.Api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collectors at work over HTTP: promises, payments, broken promises, reminders and summary reads on a set of
 * customers, each request to the next service in turn, bounded by a number of requests and a time limit. A conflict
 * answered 409 is sent again with the same body and Idempotency-Key to the next service, as a client following the
 * README would.
 */
final class CollectorsLoad {

    /** Told of every command's answer: when it was sent and how long it took, in System.nanoTime() units. */
    interface Observer {
        void command(long sentAt, long took);
    }

    private static final Set<String> RETRIED = Set.of("CONCURRENT_MODIFICATION", "IDEMPOTENCY_KEY_IN_USE");
    private static final int ATTEMPTS = 5;
    /** The names of the load's own threads start so. */
    static final String LOAD_THREADS = "collector-";

    private final List<Api> services;
    private final List<String> customers;
    private final int requests;
    private final Duration limit;
    private Supplier<LocalDate> today = () -> LocalDate.of(2026, 6, 15);
    private Duration pace = Duration.ZERO;
    private Observer observer = (sentAt, took) -> { };

    private final AtomicInteger slots = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, Integer> conflictsRetried = new ConcurrentSkipListMap<>();
    private final Map<Integer, Integer> answers = new ConcurrentSkipListMap<>();
    private final Map<String, Integer> refusals = new ConcurrentSkipListMap<>();
    private final List<String> uncoded = new CopyOnWriteArrayList<>();
    private final Set<String> promises = ConcurrentHashMap.newKeySet();
    private boolean keepsPromises = true;
    private final Map<String, List<String>> promisesOf = new ConcurrentHashMap<>();

    CollectorsLoad(List<Api> services, List<String> customers, int requests, Duration limit) {
        this.services = services;
        this.customers = customers;
        this.requests = requests;
        this.limit = limit;
    }

    /** The business date requests are dated by (payments, promises' due dates). */
    CollectorsLoad dated(Supplier<LocalDate> today) {
        this.today = today;
        return this;
    }

    /** Each client sends at most one request per {@code interval}: a steady load rather than as fast as it can. */
    CollectorsLoad paced(Duration interval) {
        this.pace = interval;
        return this;
    }

    /** Told of every command's latency; the acknowledged promises are then not kept, so the load's memory stays flat. */
    CollectorsLoad observed(Observer observer) {
        this.observer = observer;
        this.keepsPromises = false;
        return this;
    }

    void registerAll() {
        for (String customer : customers) {
            var answer = services.get(0).as(COLLECTOR).put("/api/v1/customers/" + customer,
                    "{\"name\": \"Customer " + customer + "\", \"currency\": \"CNY\"}");
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        }
    }

    /** Runs {@code clients} collectors until the requests are sent or the time limit is reached. */
    Tally run(int clients) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                work -> new Thread(work, LOAD_THREADS + names.incrementAndGet()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> work(new Random(client), client, deadline)));
            }
            for (Future<?> client : running) {
                client.get(limit.toSeconds() + 120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Tally(sent.get(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), new TreeMap<>(answers),
                new TreeMap<>(refusals), new TreeMap<>(conflictsRetried), List.copyOf(uncoded), Set.copyOf(promises));
    }

    private Void work(Random random, int client, long deadline) throws InterruptedException {
        long next = System.nanoTime();
        for (int n = 0; slots.getAndIncrement() < requests && System.nanoTime() < deadline; n++) {
            String customer = customers.get(random.nextInt(customers.size()));
            List<String> made = promisesOf.getOrDefault(customer, List.of());
            String some = made.isEmpty() ? null : made.get(random.nextInt(made.size()));
            int pick = random.nextInt(100);
            String base = "/api/v1/customers/" + customer;
            if (pick < 20) {
                observe(() -> services.get(turn.getAndIncrement() % services.size()).as(COLLECTOR).get(base), false);
            } else if (pick < 55 || some == null) {
                String promiseId = "P-" + client + "-" + n;
                var answer = command(base + "/promises", """
                        {"promiseId": "%s", "amount": "%d.00", "currency": "CNY", "dueDate": "%s", "channel": "PHONE"}"""
                        .formatted(promiseId, 100 + random.nextInt(1900), today.get().plusDays(1 + random.nextInt(3))), random);
                if (answer.status() == 201) {
                    if (keepsPromises) {
                        promises.add(customer + "/" + promiseId);
                    }
                    remember(customer, promiseId);
                }
            } else if (pick < 80) {
                String named = random.nextInt(3) == 0 ? ", \"promiseId\": \"" + some + "\"" : "";
                command(base + "/payments", "{\"amount\": \"%d.00\", \"currency\": \"CNY\", \"paidOn\": \"%s\"%s}"
                        .formatted(50 + random.nextInt(750), today.get(), named), random);
            } else if (pick < 90) {
                command(base + "/promises/" + some + "/broken", "{\"reason\": \"CASH_FLOW\"}", random);
            } else {
                command(base + "/promises/" + some + "/reminders", "{\"channel\": \"MESSAGE\"}", random);
            }
            if (!pace.isZero()) { // a client that fell behind carries on from now rather than catching up in a burst
                next = Math.max(next + pace.toNanos(), System.nanoTime());
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
            }
        }
        return null;
    }

    /** The customer's newest promises only, so a long run's memory stays flat. */
    private void remember(String customer, String promiseId) {
        List<String> made = promisesOf.computeIfAbsent(customer, k -> new CopyOnWriteArrayList<>());
        made.add(promiseId);
        if (made.size() > 20) {
            made.remove(0);
        }
    }

    /**
     * Sends one command, and again with the same body (and key) to the next service after a conflict. One command in
     * four goes without an Idempotency-Key: the service itself then retries a conflict a few times before answering it.
     */
    private Api.Answer command(String path, String body, Random random) {
        String key = random.nextInt(4) == 0 ? null : UUID.randomUUID().toString();
        Api.Answer answer = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Api.Call call = services.get(turn.getAndIncrement() % services.size()).as(COLLECTOR);
            answer = observe(() -> (key == null ? call : call.idempotencyKey(key)).post(path, body), true);
            if (answer.status() != 409 || !RETRIED.contains(answer.code()) || attempt == ATTEMPTS) {
                break;
            }
            conflictsRetried.merge(answer.code(), 1, Integer::sum);
        }
        if (answer.status() >= 400 && answer.status() < 500) {
            String code = answer.code();
            if (code.isEmpty()) {
                uncoded.add(answer.toString());
            }
            refusals.merge(answer.status() + " " + code, 1, Integer::sum);
        }
        return answer;
    }

    private Api.Answer observe(Supplier<Api.Answer> request, boolean isCommand) {
        long sentAt = System.nanoTime();
        Api.Answer answer = request.get();
        if (isCommand) {
            observer.command(sentAt, System.nanoTime() - sentAt);
        }
        sent.incrementAndGet();
        answers.merge(answer.status(), 1, Integer::sum);
        return answer;
    }

    /**
     * What the collectors saw.
     *
     * @param sent     HTTP requests sent, retries included
     * @param answers  HTTP statuses and how often each came (retries included)
     * @param refusals 4xx answers by status and problem code, after retries
     * @param conflictsRetried 409 answers sent again, by problem code
     * @param uncoded  4xx answers without a problem code
     * @param promises acknowledged promises as customerId/promiseId (none when observed)
     */
    record Tally(int sent, long seconds, Map<Integer, Integer> answers, Map<String, Integer> refusals,
                 Map<String, Integer> conflictsRetried,
                 List<String> uncoded, Set<String> promises) {
    }
}
