package com.promises.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.api.command.CommandDispatcher;
import com.promises.core.account.CommandRejected;
import com.promises.core.audit.SigningKey;
import com.promises.projections.history.JdbcEventHistory;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.money.Money;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.reminder.SendReminder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringBootVersion;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * Measures the service and, in the same run on the same PostgreSQL, the raw limit of that database.
 * <pre>./mvnw -q -B -pl bench -am package -DskipTests exec:exec -Dbench.args="--quick"</pre>
 * Options: {@code --quick} (default) or {@code --full}; {@code --jdbc-url=... --jdbc-user=... --jdbc-password=...}
 * for an external PostgreSQL (otherwise the embedded one, in a temporary directory); {@code --out=BENCHMARKS.md};
 * {@code --profile=DIR} to sample each measured phase with async-profiler (see {@link PhaseProfiler}).
 */
public final class Benchmark {

    static final Instant MONDAY = Instant.parse("2026-06-15T09:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(MONDAY, ZoneOffset.UTC);
    private static final int[] CONCURRENCY = {1, 8, 32};

    private final Sizes sizes;
    private final Map<String, String> database;
    private final Report report;
    private final PhaseProfiler profiler;
    private long started;

    Benchmark(Sizes sizes, Map<String, String> database) {
        this(sizes, database, PhaseProfiler.off());
    }

    Benchmark(Sizes sizes, Map<String, String> database, PhaseProfiler profiler) {
        this.sizes = sizes;
        this.database = database;
        this.report = new Report("");
        this.profiler = profiler;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Sizes sizes = Sizes.QUICK;
        Map<String, String> database = new HashMap<>();
        Path out = Path.of("BENCHMARKS.md");
        PhaseProfiler profiler = PhaseProfiler.off();
        for (String arg : String.join(" ", args).trim().split("\\s+")) { // Maven hands the options over as one argument
            if (arg.equals("--full")) {
                sizes = Sizes.FULL;
            } else if (arg.equals("--tiny")) {
                sizes = Sizes.TINY;
            } else if (arg.startsWith("--jdbc-url=")) {
                database.put("spring.datasource.url", arg.substring("--jdbc-url=".length()));
            } else if (arg.startsWith("--jdbc-user=")) {
                database.put("spring.datasource.username", arg.substring("--jdbc-user=".length()));
            } else if (arg.startsWith("--jdbc-password=")) {
                database.put("spring.datasource.password", arg.substring("--jdbc-password=".length()));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else if (arg.startsWith("--profile=")) {
                profiler = PhaseProfiler.into(Path.of(arg.substring("--profile=".length())));
            }
        }
        if (!database.containsKey("spring.datasource.url")) {
            database.put("promises.data-dir", Files.createTempDirectory("promises-bench-").toString());
        } else { // an external database takes a configured key to sign auditors' bundles
            Path key = Files.createTempFile("promises-bench-signing-key-", ".pem");
            Files.writeString(key, SigningKey.generate().privateKeyPem());
            key.toFile().deleteOnExit();
            database.put("promises.audit.signing-key-file", key.toString());
        }
        Report report = new Benchmark(sizes, database, profiler).run();
        System.out.println(report.markdown());
        report.write(out);
        System.out.println("Written to " + out.toAbsolutePath());
        System.exit(0);
    }

    Report run() throws Exception {
        started = System.nanoTime();
        String postgres;
        List<String> customers;
        WarmUp warmUp;
        try (Service service = Service.start(database, MONDAY.toString(), false)) {
            RawLimits raw = new RawLimits(service.jdbcUrl(), service.jdbcUser(), service.jdbcPassword());
            JdbcTemplate jdbc = service.context.getBean(JdbcTemplate.class);
            postgres = jdbc.queryForObject("select version()", String.class);
            ProcessCpu.measurePostgresOf(jdbc.queryForObject("select pg_backend_pid()", Long.class));
            progress("registering " + sizes.customers() + " customers");
            customers = register(service, sizes.customers());
            Map<String, List<String>> promises = new ConcurrentHashMap<>();
            progress("warming up for " + sizes.warmUpSeconds() + " to " + sizes.maxWarmUpSeconds() + " s, until the JIT compiler is quiet");
            warmUp = warmUp(service, customers, promises);
            RawLimits.Inserts rawInserts = null;
            for (int clients : CONCURRENCY) {
                int commands = clients == 1 ? Math.max(10, sizes.commandsPerLevel() / 4) : sizes.commandsPerLevel();
                progress("commands over HTTP, " + clients + " clients");
                Load load = commands(id -> oneCommand(service, customers, promises, id), clients, commands, "c" + clients);
                progress("raw inserts, " + clients + " clients");
                rawInserts = raw.inserts(commands, clients);
                report.add("Commands, " + clients + " client" + (clients == 1 ? "" : "s"),
                        Report.number(load.rate) + "/s (p50 " + Report.millis(load.latencies.percentileMillis(50))
                                + ", p99 " + Report.millis(load.latencies.percentileMillis(99)) + ")",
                        Report.number(rawInserts.perSecond()) + " inserts/s", Report.ratio(load.rate, rawInserts.perSecond()),
                        clients == 32 ? ">= 25%" : "", "HTTP + Basic auth + Idempotency-Key; mix 40% promise, 30% payment, "
                                + "20% reminder, 10% broken/renegotiated over " + customers.size() + " customers; "
                                + load.refusedShare() + " answered 4xx (quiet days, judged promises), " + load.errors.get() + " 5xx. "
                                + "CPU per command: " + load.cpu.perOperation(commands) + "; per raw insert: "
                                + rawInserts.cpu().withoutService(commands));
            }
            progress("the plain CRUD service beside it");
            double maxRate = againstPlainCrud(service, customers, promises, rawInserts);
            if (sizes.steadySeconds() > 0) {
                progress("steady run, " + sizes.steadySeconds() + " s at 32 clients");
                steadyRun(service, customers, promises);
                awaitReadModels(service);
                progress("latency at the stated load");
                statedLoad(service, customers, promises, maxRate);
            }
            CommandDispatcher dispatcher = service.context.getBean(CommandDispatcher.class);
            progress("commands in-process, 32 threads");
            Load direct = commands(id -> oneCommandInProcess(dispatcher, customers, promises, id), 32,
                    sizes.commandsPerLevel(), "d32");
            report.add("Commands in-process, 32 threads", Report.number(direct.rate) + "/s (p50 "
                            + Report.millis(direct.latencies.percentileMillis(50)) + ", p99 "
                            + Report.millis(direct.latencies.percentileMillis(99)) + ")",
                    Report.number(rawInserts.perSecond()) + " inserts/s", Report.ratio(direct.rate, rawInserts.perSecond()), "",
                    "The same mix through the dispatcher the controllers use, without HTTP, authentication or Idempotency-Key "
                            + "(the gap to the row above is their cost); " + direct.refusedShare() + " refused, " + direct.errors.get()
                            + " failed. CPU per command: " + direct.cpu.perOperation(sizes.commandsPerLevel())
                            + " (here the commands run on the load generator's threads)");
            awaitReadModels(service); // the in-process run outpaces the read models; measure queries without its backlog
            progress("queries alone");
            queries(service, customers, promises, 0);
            progress("queries under load");
            queries(service, customers, promises, QUERY_LOAD_CLIENTS);
            progress("bulk import");
            bulkImport(service, raw, jdbc);
            progress("console pages on a customer with " + sizes.consoleEvents() + " events");
            consolePages(service, jdbc);
            progress("as-of on a long history");
            asOf(service);
            progress("rebuild");
            rebuild(service, raw, jdbc);
            progress("aging report over the same history");
            agingReport(service, jdbc);
            progress("windows for the catch-up");
            prepareCatchUp(service);
        }
        progress("catch-up after a restart");
        catchUp();
        progress("done");
        String header = """
                # Benchmarks

                Run `%s` on %s, %s. Machine: %s. PostgreSQL: %s. Spring Boot %s, Axon Framework 4.13.0.
                Every figure is measured in this one run; each raw limit is the same PostgreSQL doing the same amount
                of the simplest equivalent work with plain JDBC, at the same concurrency. The measurements start after
                %.0f s of unmeasured commands and queries of the same kinds: at least %d s, then until the JIT compiler
                threads used under %.0f%% of a core for %d s or %d s had passed (in the last %d s they used %.0f%%; on two cores
                they are still busy minutes after start, and a service in use runs compiled). The run took %.0f s."""
                .formatted(sizes.name(), Instant.now().toString().substring(0, 10),
                        database.containsKey("spring.datasource.url") ? "an external PostgreSQL" : "the embedded PostgreSQL",
                        Report.machine(), postgres, SpringBootVersion.getVersion(), warmUp.seconds(), sizes.warmUpSeconds(),
                        QUIET_COMPILER_SHARE * 100, QUIET_WINDOW_SECONDS, sizes.maxWarmUpSeconds(), QUIET_WINDOW_SECONDS,
                        warmUp.compilerShare() * 100,
                        seconds());
        Report finished = new Report(header);
        report.rows().forEach(r -> finished.add(r.figure(), r.value(), r.rawLimit(), r.ratio(), r.target(), r.meaning()));
        return finished;
    }

    /** One line per phase on standard error, so a long run shows where it is (and a profiler can be aimed at a phase). */
    private void progress(String phase) {
        System.err.printf(java.util.Locale.ROOT, "bench %6.1f s: %s%n", seconds(), phase);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    // ---- 1. command path ---------------------------------------------------------------------

    private record Load(double rate, Latencies latencies, AtomicInteger refused, AtomicInteger errors, int total, CpuSpent cpu) {
        String refusedShare() {
            return Report.percent(refused.get(), total);
        }
    }

    /**
     * The JIT compiler counts as quiet when its threads used less than this share of one core over
     * {@link #QUIET_WINDOW_SECONDS} seconds (their CPU from /proc: the JVM's own compilation time counts a
     * compilation only when it ends, and one can take 17 s here).
     */
    private static final double QUIET_COMPILER_SHARE = 0.10;
    private static final int QUIET_WINDOW_SECONDS = 5;

    /**
     * The command mix from 24 clients and summary and worklist queries from 8, unmeasured, for at least the
     * warm-up time and then until the JIT compiler is quiet or the longest warm-up has passed (on a slow
     * machine C2 still took most of a core a minute in: some 2,300 compiles of 80 ms on average, a few of
     * 7 to 17 s); then until the read models have caught up, so the first measured level inherits neither a
     * compiler's backlog nor a projection's.
     *
     * @return what the warm-up took: its seconds and the compiler's share of a core in its last window
     */
    private WarmUp warmUp(Service service, List<String> customers, Map<String, List<String>> promises) throws Exception {
        AtomicBoolean warming = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = LoadThreads.pool(32);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < 32; c++) {
            boolean asks = c % 4 == 0;
            work.add(pool.submit(() -> {
                while (warming.get()) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    if (!asks) {
                        oneCommand(service, customers, promises, "w-" + sequence.incrementAndGet());
                    } else if (random.nextBoolean()) {
                        service.get("/api/v1/customers/" + customers.get(random.nextInt(customers.size())));
                    } else {
                        service.get("/api/v1/customers?sort=daysOverdue&size=20&page=" + random.nextInt(5));
                    }
                }
                return null;
            }));
        }
        Thread.sleep(Math.max(0, sizes.warmUpSeconds() - QUIET_WINDOW_SECONDS) * 1000L);
        double compilerShare;
        do {
            double compiledBefore = ProcessCpu.compilerThreads();
            Thread.sleep(QUIET_WINDOW_SECONDS * 1000L);
            compilerShare = (ProcessCpu.compilerThreads() - compiledBefore) / QUIET_WINDOW_SECONDS;
        } while (compilerShare >= QUIET_COMPILER_SHARE && System.nanoTime() - start < sizes.maxWarmUpSeconds() * 1_000_000_000L);
        warming.set(false);
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        awaitReadModels(service);
        return new WarmUp(seconds, compilerShare);
    }

    private record WarmUp(double seconds, double compilerShare) {
    }

    private List<String> register(Service service, int count) throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        ExecutorService pool = LoadThreads.pool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "bench-" + i;
            work.add(pool.submit(() -> {
                var answer = service.put("/api/v1/customers/" + id, "{\"name\": \"Customer " + id + "\", \"currency\": \"CNY\"}");
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException("registration failed: " + answer.body());
                }
                ids.add(id);
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return new ArrayList<>(ids);
    }

    private Load commands(ToIntFunction<String> oneCommand, int clients, int commands, String tag) throws Exception {
        return commands(oneCommand, clients, commands, tag, true);
    }

    private Load commands(ToIntFunction<String> oneCommand, int clients, int commands, String tag, boolean measured) throws Exception {
        Latencies latencies = new Latencies(commands);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = LoadThreads.pool(clients);
        if (measured) {
            profiler.start("commands-" + tag);
        }
        CpuSpent before = CpuSpent.now();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    int status = oneCommand.applyAsInt(tag + "-" + i);
                    latencies.add(System.nanoTime() - begin);
                    if (status >= 500) {
                        errors.incrementAndGet();
                    } else if (status >= 400) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuSpent cpu = CpuSpent.now().since(before);
        if (measured) {
            profiler.stop();
        }
        pool.shutdown();
        return new Load(commands / seconds, latencies, refused, errors, commands, cpu);
    }

    private enum Kind { PROMISE, PAYMENT, REMINDER, BROKEN, RENEGOTIATION }

    /** One command of the realistic mix, on a random customer: what the HTTP and the in-process runs both send. */
    private record Choice(Kind kind, String customer, String promise, String newId, int amount, LocalDate date) {

        static Choice of(List<String> customers, Map<String, List<String>> promises, String id) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String customer = customers.get(random.nextInt(customers.size()));
            List<String> made = promises.computeIfAbsent(customer, k -> new CopyOnWriteArrayList<>());
            int dice = random.nextInt(100);
            if (dice < 40 || made.isEmpty()) {
                return new Choice(Kind.PROMISE, customer, null, "P-" + id, 100 + random.nextInt(40_000),
                        TODAY.plusDays(3 + random.nextInt(25)));
            }
            String promise = made.get(random.nextInt(made.size()));
            if (dice < 70) {
                return new Choice(Kind.PAYMENT, customer, promise, "PAY-" + id, 50 + random.nextInt(5_000), TODAY);
            }
            if (dice < 90) {
                return new Choice(Kind.REMINDER, customer, promise, null, 0, null);
            }
            if (dice < 95) {
                return new Choice(Kind.BROKEN, customer, promise, null, 0, null);
            }
            return new Choice(Kind.RENEGOTIATION, customer, promise, "R-" + id, 0, TODAY.plusDays(30));
        }

        /** A promise this command made, which later commands may then name. */
        void madeIn(Map<String, List<String>> promises) {
            if (kind == Kind.PROMISE || kind == Kind.RENEGOTIATION) {
                promises.get(customer).add(newId);
            }
        }
    }

    /** Where the HTTP mix goes: the service, or the plain CRUD service beside it. */
    private interface Target {
        PlainHttpClient.Answer post(String path, String json);
    }

    private static int oneCommand(Service service, List<String> customers, Map<String, List<String>> promises, String id) {
        return oneCommand((Target) service::post, customers, promises, id);
    }

    private static int oneCommand(Target service, List<String> customers, Map<String, List<String>> promises, String id) {
        Choice choice = Choice.of(customers, promises, id);
        String path = "/api/v1/customers/" + choice.customer();
        PlainHttpClient.Answer answer = switch (choice.kind()) {
            case PROMISE -> service.post(path + "/promises", """
                    {"promiseId": "%s", "amount": "%d.00", "currency": "CNY", "dueDate": "%s", "channel": "PHONE", "inWriting": true}"""
                    .formatted(choice.newId(), choice.amount(), choice.date()));
            case PAYMENT -> service.post(path + "/payments", "{\"amount\": \"%d.00\", \"currency\": \"CNY\", \"paidOn\": \"%s\"}"
                    .formatted(choice.amount(), choice.date()));
            case REMINDER -> service.post(path + "/promises/" + choice.promise() + "/reminders", "{\"channel\": \"MESSAGE\"}");
            case BROKEN -> service.post(path + "/promises/" + choice.promise() + "/broken", "{\"reason\": \"CASH_FLOW\"}");
            case RENEGOTIATION -> service.post(path + "/promises/" + choice.promise() + "/renegotiation",
                    "{\"newPromiseId\": \"%s\", \"newDueDate\": \"%s\"}".formatted(choice.newId(), choice.date()));
        };
        if (answer.statusCode() == 201) {
            choice.madeIn(promises);
        }
        return answer.statusCode();
    }

    /** The same mix sent in-process through the dispatcher the controllers use: no HTTP, no Idempotency-Key. */
    private static int oneCommandInProcess(CommandDispatcher dispatcher, List<String> customers,
                                           Map<String, List<String>> promises, String id) {
        Choice choice = Choice.of(customers, promises, id);
        String customer = choice.customer();
        Object command = switch (choice.kind()) {
            case PROMISE -> new MakePromise(customer, choice.newId(), Money.of(choice.amount() + ".00", "CNY"), choice.date(),
                    null, Channel.PHONE, true, null, null);
            case PAYMENT -> new RecordPayment(customer, choice.newId(), Money.of(choice.amount() + ".00", "CNY"), choice.date(), null);
            case REMINDER -> new SendReminder(customer, choice.promise(), Channel.MESSAGE, null);
            case BROKEN -> new RecordBrokenPromise(customer, choice.promise(), Reason.CASH_FLOW, null);
            case RENEGOTIATION -> new RenegotiatePromise(customer, choice.promise(), choice.newId(), choice.date(), null, null, null);
        };
        try {
            dispatcher.send(customer, command);
        } catch (CommandRejected rejected) {
            return 409;
        } catch (RuntimeException failed) {
            return 500;
        }
        choice.madeIn(promises);
        return 201;
    }

    // ---- 1b. against what a team would build instead -------------------------------------------

    /**
     * The plain CRUD service ({@link PlainCrudService}) started beside the service on the same PostgreSQL, warmed up,
     * then rounds of the same mix at 32 clients alternated, CRUD first, so the machine's drift hits both alike.
     */
    private double againstPlainCrud(Service service, List<String> customers, Map<String, List<String>> promises,
                                    RawLimits.Inserts rawInserts) throws Exception {
        try (PlainCrudService crud = PlainCrudService.start(service.jdbcUrl(), service.jdbcUser(), service.jdbcPassword(), customers)) {
            Map<String, List<String>> crudPromises = new ConcurrentHashMap<>();
            AtomicInteger warmUps = new AtomicInteger();
            long warmUpEnds = System.nanoTime() + Math.max(1, sizes.warmUpSeconds() / 3) * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnds) { // its JIT compiles its own code paths; the service's are warm
                commands(id -> oneCommand(crud::post, customers, crudPromises, id), 32, sizes.commandsPerLevel(),
                        "crud-warm-" + warmUps.incrementAndGet(), false);
            }
            int commands = sizes.commandsPerLevel();
            List<Double> ratios = new ArrayList<>();
            List<Double> crudRates = new ArrayList<>();
            List<Double> serviceRates = new ArrayList<>();
            for (int round = 1; round <= sizes.crudRounds(); round++) {
                progress("round " + round + ": plain CRUD, then the service, 32 clients");
                Load plain = commands(id -> oneCommand(crud::post, customers, crudPromises, id), 32, commands, "crud" + round);
                Load ours = commands(id -> oneCommand(service, customers, promises, id), 32, commands, "svc" + round);
                ratios.add(ours.rate / plain.rate);
                crudRates.add(plain.rate);
                serviceRates.add(ours.rate);
                report.add("Plain CRUD beside us, round " + round, "CRUD " + Report.number(plain.rate) + "/s (p99 "
                                + Report.millis(plain.latencies.percentileMillis(99)) + "), service " + Report.number(ours.rate)
                                + "/s (p99 " + Report.millis(ours.latencies.percentileMillis(99)) + ")",
                        Report.number(rawInserts.perSecond()) + " inserts/s", Report.ratio(ours.rate, plain.rate), "",
                        "The service's rate against the CRUD service's in this round; CRUD: " + plain.refusedShare() + " 4xx, "
                                + plain.errors.get() + " 5xx, CPU per command: " + plain.cpu.perOperation(commands)
                                + "; service: " + ours.refusedShare() + " 4xx, " + ours.errors.get() + " 5xx, CPU per command: "
                                + ours.cpu.perOperation(commands));
            }
            double crudMedian = median(crudRates);
            report.add("Commands at 32 clients against plain CRUD", "service " + Report.number(median(serviceRates))
                            + "/s, CRUD " + Report.number(crudMedian) + "/s (medians of " + sizes.crudRounds() + " rounds)",
                    Report.number(rawInserts.perSecond()) + " inserts/s", Report.ratio(median(ratios), 1), ">= 40%",
                    "Median of the rounds' ratios above. The plain CRUD service (same stack: Tomcat, Spring Security Basic "
                            + "with {noop}, Jackson, bean validation, HikariCP, JdbcClient; one SELECT and one INSERT per request, "
                            + "no events, no idempotency, no read models) reached " + Report.ratio(crudMedian, rawInserts.perSecond())
                            + " of raw single-row inserts; " + commands + " commands per round, after "
                            + Math.max(1, sizes.warmUpSeconds() / 3) + " s of warm-up for the CRUD service");
            return median(serviceRates);
        }
    }

    // ---- 1d. steady run and latency at a stated load -------------------------------------------

    /**
     * The command mix at 32 clients for {@link Sizes#steadySeconds()} while the customers' histories grow, counted per
     * window: a cost that grows with a customer's history (loading the account, read-model upserts, idempotency rows)
     * shows as a falling rate. The first and the last minute (or half, in a shorter run) are compared.
     */
    private void steadyRun(Service service, List<String> customers, Map<String, List<String>> promises) throws Exception {
        int window = sizes.steadyWindowSeconds();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = LoadThreads.pool(32);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < 32; c++) {
            work.add(pool.submit(() -> {
                while (running.get()) {
                    if (oneCommand(service, customers, promises, "s-" + sequence.incrementAndGet()) >= 500) {
                        errors.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        JdbcTemplate jdbc = service.context.getBean(JdbcTemplate.class);
        long eventsBefore = count(jdbc);
        List<Double> rates = new ArrayList<>();
        profiler.start("steady");
        int last = done.get();
        long windowStart = System.nanoTime();
        for (int w = 0; w < sizes.steadySeconds() / window; w++) {
            Thread.sleep(window * 1000L);
            int now = done.get();
            long end = System.nanoTime();
            rates.add((now - last) / ((end - windowStart) / 1e9));
            last = now;
            windowStart = end;
        }
        profiler.stop();
        running.set(false);
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        int compared = Math.max(1, Math.min(rates.size() / 2, 60 / window));
        double first = mean(rates.subList(0, compared));
        double lastRate = mean(rates.subList(rates.size() - compared, rates.size()));
        report.add("Steady run, " + sizes.steadySeconds() + " s at 32 clients", "first " + compared * window + " s "
                        + Report.number(first) + "/s, last " + compared * window + " s " + Report.number(lastRate) + "/s", "",
                Report.ratio(lastRate, first), ">= 90%", "Commands per " + window + " s: " + rates.stream().map(Report::number)
                        .collect(java.util.stream.Collectors.joining(", ")) + "; the event store grew from "
                        + Report.number(eventsBefore) + " to " + Report.number(count(jdbc)) + " events; " + errors.get() + " 5xx");
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /**
     * Latency at a stated load, not at saturation: commands at half the measured maximum rate plus 200 queries a
     * second (half summaries, half worklist pages), each sent on a schedule (open loop) and timed from the moment the
     * schedule meant to send it; then the queries alone at 200/s. GC beside each.
     */
    private void statedLoad(Service service, List<String> customers, Map<String, List<String>> promises, double maxRate)
            throws Exception {
        double commandRate = Math.max(1, maxRate / 2);
        for (boolean withCommands : new boolean[]{true, false}) {
            int seconds = sizes.statedLoadSeconds();
            Latencies commands = new Latencies((int) (commandRate * seconds) + 1);
            Latencies summary = new Latencies(100 * seconds + 1);
            Latencies worklist = new Latencies(100 * seconds + 1);
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService commandPool = LoadThreads.pool(32);
            ExecutorService queryPool = LoadThreads.pool(16);
            String phase = withCommands ? "stated-load" : "stated-queries";
            profiler.start(phase);
            GcSpent gcBefore = GcSpent.now();
            long start = System.nanoTime();
            ExecutorService scheduler = LoadThreads.pool(1);
            Future<?> commandSchedule = withCommands ? scheduler.submit(() -> {
                scheduled(start, commandRate, seconds, commandPool, due -> {
                    oneCommand(service, customers, promises, "l-" + sequence.incrementAndGet());
                    commands.add(System.nanoTime() - due);
                });
                return null;
            }) : null;
            AtomicInteger asked = new AtomicInteger();
            scheduled(start, 200, seconds, queryPool, due -> {
                if (asked.incrementAndGet() % 2 == 0) {
                    service.get("/api/v1/customers/" + customers.get(ThreadLocalRandom.current().nextInt(customers.size())));
                    summary.add(System.nanoTime() - due);
                } else {
                    service.get("/api/v1/customers?sort=daysOverdue&size=20&page=" + ThreadLocalRandom.current().nextInt(5));
                    worklist.add(System.nanoTime() - due);
                }
            });
            if (commandSchedule != null) {
                commandSchedule.get();
            }
            scheduler.shutdown();
            commandPool.shutdown();
            queryPool.shutdown();
            commandPool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            queryPool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            double elapsed = (System.nanoTime() - start) / 1e9;
            GcSpent gc = GcSpent.now().since(gcBefore);
            profiler.stop();
            String queries = "summary p50 " + Report.millis(summary.percentileMillis(50)) + ", p99 "
                    + Report.millis(summary.percentileMillis(99)) + "; worklist p50 " + Report.millis(worklist.percentileMillis(50))
                    + ", p99 " + Report.millis(worklist.percentileMillis(99));
            if (withCommands) {
                report.add("At the stated load: " + Report.number(commandRate) + " commands/s + 200 queries/s", queries
                                + "; commands p50 " + Report.millis(commands.percentileMillis(50)) + ", p99 "
                                + Report.millis(commands.percentileMillis(99)), "", "", "summary p99 < 25 ms; commands p99 < 50 ms",
                        "Half the median rate of the CRUD rounds' service (" + Report.number(maxRate) + "/s), sent on a schedule; "
                                + "latency from the scheduled send; " + gc.over(elapsed) + " (whole JVM, load generator included)");
            } else {
                report.add("Queries alone at 200/s", queries, "", "", "p99 < 10 ms",
                        "Half summaries, half worklist pages on a schedule, no commands; " + gc.over(elapsed)
                                + " (whole JVM, load generator included)");
            }
        }
    }

    /** Hands {@code rate * seconds} tasks to {@code pool}, each at its moment on the schedule (its due nano time). */
    private static void scheduled(long start, double rate, int seconds, ExecutorService pool,
                                  java.util.function.LongConsumer task) throws InterruptedException {
        long total = (long) (rate * seconds);
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * (1e9 / rate));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pool.submit(() -> task.accept(due));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    // ---- 1c. bulk import ----------------------------------------------------------------------

    /**
     * An NDJSON file of commands posted to /imports, from the post until the import is DONE, in events stored per
     * second, beside raw single-row inserts of as many rows at 32 clients (the raw rate at its best).
     */
    private void bulkImport(Service service, RawLimits raw, JdbcTemplate jdbc) throws Exception {
        int perCustomer = 20;
        int customers = Math.max(1, sizes.importLines() / perCustomer);
        StringBuilder file = new StringBuilder();
        for (int c = 0; c < customers; c++) {
            String customer = "import-" + c;
            file.append("""
                    {"command": "RegisterCustomer", "customerId": "%s", "name": "Imported %d", "currency": "CNY"}
                    """.formatted(customer, c));
            for (int p = 0; p < 10; p++) {
                file.append("""
                        {"command": "MakePromise", "customerId": "%s", "promiseId": "P-%d", "amount": "%d.00", "currency": "CNY", "dueDate": "%s", "channel": "PHONE", "inWriting": true}
                        """.formatted(customer, p, 100 + p * 37, TODAY.plusDays(5 + p * 3)));
            }
            for (int p = 0; p < perCustomer - 11; p++) {
                file.append("""
                        {"command": "RecordPayment", "customerId": "%s", "paymentId": "PAY-%d", "amount": "%d.00", "currency": "CNY", "paidOn": "%s"}
                        """.formatted(customer, p, 50 + p * 11, TODAY));
            }
        }
        long eventsBefore = count(jdbc);
        profiler.start("import");
        long start = System.nanoTime();
        JsonNode progress = imported(service, file.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        profiler.stop();
        long events = count(jdbc) - eventsBefore;
        double rate = events / seconds;
        RawLimits.Inserts rawInserts = raw.inserts((int) Math.max(1_000, events), 32);
        report.add("Bulk import, " + Report.number(progress.path("lines").asLong()) + " lines",
                Report.number(rate) + " events/s (" + Report.number(progress.path("lines").asLong() / seconds) + " lines/s)",
                Report.number(rawInserts.perSecond()) + " inserts/s", Report.ratio(rate, rawInserts.perSecond()), ">= 30%",
                "POST /imports of an NDJSON file (" + customers + " customers, each registered with 10 promises and "
                        + (perCustomer - 11) + " payments), from the post until DONE: " + Report.number(events)
                        + " events in " + String.format(java.util.Locale.ROOT, "%.1f s", seconds) + " (the import counted "
                        + progress.path("eventsPerSecond").asText() + " events/s of its own running); one transaction per run of "
                        + "a customer's consecutive lines (up to 50), 4 customers at once. Raw: as many single-row inserts at 32 clients");
    }

    /** Posts an NDJSON file to /imports and waits until it is DONE; every line must have been applied. */
    private static JsonNode imported(Service service, String ndjson) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var posted = service.post("/api/v1/imports", "application/x-ndjson", ndjson);
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + posted.body());
        }
        String importId = json.readTree(posted.body()).path("importId").asText();
        JsonNode progress;
        do {
            Thread.sleep(50);
            progress = json.readTree(service.get("/api/v1/imports/" + importId).body());
        } while ("RUNNING".equals(progress.path("status").asText()));
        if (!"DONE".equals(progress.path("status").asText()) || progress.path("refusedCount").asLong() != 0) {
            throw new IllegalStateException("import did not apply every line: " + progress);
        }
        return progress;
    }

    // ---- 3. queries under load ---------------------------------------------------------------

    /** The command clients that run beside the queries: the middle level of the command path. */
    private static final int QUERY_LOAD_CLIENTS = 8;

    /**
     * Summaries and worklist pages, half each, sent at 500 a second on a schedule (open loop), while
     * {@code commandClients} post the command mix as fast as they are answered. A query's latency counts from
     * the moment the schedule meant to send it, so a service that falls behind the rate is not excused by the
     * queue that builds up in front of it (16 client threads, as many as the connection pool has connections).
     */
    private void queries(Service service, List<String> customers, Map<String, List<String>> promises,
                         int commandClients) throws Exception {
        int perSecond = 500;
        int total = perSecond * sizes.querySeconds();
        Latencies summary = new Latencies(total);
        Latencies worklist = new Latencies(total);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger commandsSent = new AtomicInteger();
        ExecutorService background = LoadThreads.pool(Math.max(1, commandClients));
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < commandClients; c++) {
            load.add(background.submit(() -> {
                while (running.get()) {
                    oneCommand(service, customers, promises, "q-" + commandsSent.incrementAndGet());
                }
                return null;
            }));
        }
        ExecutorService queries = LoadThreads.pool(16);
        String phase = commandClients == 0 ? "queries-alone" : "queries";
        profiler.start(phase);
        int commandsBefore = commandsSent.get();
        long start = System.nanoTime();
        List<Future<?>> asked = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * (1e9 / perSecond));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            boolean isSummary = i % 2 == 0;
            String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
            asked.add(queries.submit(() -> {
                if (isSummary) {
                    service.get("/api/v1/customers/" + customer);
                    summary.add(System.nanoTime() - due);
                } else {
                    service.get("/api/v1/customers?sort=daysOverdue&size=20&page=" + ThreadLocalRandom.current().nextInt(5));
                    worklist.add(System.nanoTime() - due);
                }
            }));
        }
        for (Future<?> future : asked) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double commandRate = (commandsSent.get() - commandsBefore) / seconds;
        profiler.stop();
        running.set(false);
        for (Future<?> future : load) {
            future.get();
        }
        background.shutdown();
        queries.shutdown();
        String rate = Report.number(total / seconds) + " queries/s (half summaries, half worklist pages, sent at " + perSecond
                + "/s; latency from the scheduled send)";
        if (commandClients == 0) {
            report.add("Queries alone", "summary p50 " + Report.millis(summary.percentileMillis(50)) + ", p99 "
                            + Report.millis(summary.percentileMillis(99)) + "; worklist p50 " + Report.millis(worklist.percentileMillis(50))
                            + ", p99 " + Report.millis(worklist.percentileMillis(99)), "", "", "",
                    "The same queries with no commands beside them: what the queries cost alone. " + rate);
            return;
        }
        report.add("Customer summary under load", "p50 " + Report.millis(summary.percentileMillis(50)) + ", p99 "
                        + Report.millis(summary.percentileMillis(99)), "", "", "p99 < 20 ms",
                "GET /customers/{id}: " + rate + " while " + commandClients + " clients post commands ("
                        + Report.number(commandRate) + " commands/s)");
        report.add("Worklist page under load", "p50 " + Report.millis(worklist.percentileMillis(50)) + ", p99 "
                + Report.millis(worklist.percentileMillis(99)), "", "", "", "GET /customers?sort=daysOverdue&size=20, same load");
    }

    // ---- 3b. console pages ----------------------------------------------------------------------

    /** Unmeasured requests of each console page first: templates are parsed and cached on first use, code compiled. */
    private static final int CONSOLE_WARM_UPS = 5;

    private record ConsolePage(String figure, String path, String target, String shows) {
    }

    /**
     * The console's pages on one customer with {@link Sizes#consoleEvents()} events (promises made and each paid in
     * full, imported), signed in through the sign-in form as a browser is. After the warm-up the pages are asked in
     * turn, one request at a time with nothing else running, {@link Sizes#consoleRequests()} times each: what one
     * collector waits for on an otherwise idle service.
     */
    private void consolePages(Service service, JdbcTemplate jdbc) throws Exception {
        String customer = "console-history";
        StringBuilder file = new StringBuilder("""
                {"command": "RegisterCustomer", "customerId": "%s", "name": "Console History Ltd", "currency": "CNY"}
                """.formatted(customer));
        for (int p = 0; p < (sizes.consoleEvents() - 1) / 3; p++) { // each promise: made, paid in full, kept
            file.append("""
                    {"command": "MakePromise", "customerId": "%1$s", "promiseId": "P-%2$d", "amount": "%3$d.00", "currency": "CNY", "dueDate": "%4$s", "channel": "PHONE", "inWriting": true}
                    {"command": "RecordPayment", "customerId": "%1$s", "paymentId": "PAY-%2$d", "amount": "%3$d.00", "currency": "CNY", "paidOn": "%5$s", "promiseId": "P-%2$d"}
                    """.formatted(customer, p, 100 + p % 50 * 20, TODAY.plusDays(10), TODAY));
        }
        imported(service, file.toString());
        awaitReadModels(service);
        Long events = jdbc.queryForObject("select count(*) from " + JdbcEventHistory.EVENTS + " where aggregateidentifier = ?",
                Long.class, customer);
        String history = Report.number(events == null ? 0 : events) + " events";
        String of = "/console/customers/" + customer;
        List<ConsolePage> pages = List.of(
                new ConsolePage("Console customer page, " + history, of, "median < 100 ms",
                        "GET /console/customers/{id}: the summary, a row per promise, the command forms"),
                new ConsolePage("Console customer activity, " + history, of + "/activity", "",
                        "GET /console/customers/{id}/activity, which the customer page loads after itself: the score chart, "
                                + "the payments and the newest events, from the event store"),
                new ConsolePage("Console audit page, " + history, of + "/audit", "",
                        "GET /console/customers/{id}/audit: the score as of now replayed, the as-of picker, the history"),
                new ConsolePage("Console worklist", "/console/worklist", "",
                        "GET /console/worklist: the first page and the counts per aging bucket"),
                new ConsolePage("Console today", "/console/today", "",
                        "GET /console/today: reminders due, open follow-ups, windows closing this week"));
        Console console = service.signInToConsole();
        for (int i = 0; i < CONSOLE_WARM_UPS; i++) {
            for (ConsolePage page : pages) {
                console.get(page.path());
            }
        }
        Map<ConsolePage, Latencies> latencies = new HashMap<>();
        Map<ConsolePage, Integer> bytes = new HashMap<>();
        pages.forEach(page -> latencies.put(page, new Latencies(sizes.consoleRequests())));
        profiler.start("console");
        for (int i = 0; i < sizes.consoleRequests(); i++) {
            for (ConsolePage page : pages) { // in turn, so the machine's drift touches every page alike
                long begin = System.nanoTime();
                PlainHttpClient.Answer answer = console.get(page.path());
                latencies.get(page).add(System.nanoTime() - begin);
                bytes.put(page, answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            }
        }
        profiler.stop();
        for (ConsolePage page : pages) {
            Latencies timed = latencies.get(page);
            report.add(page.figure(), "median " + Report.millis(timed.percentileMillis(50)) + ", p90 "
                            + Report.millis(timed.percentileMillis(90)), "", "", page.target(),
                    page.shows() + " (" + Report.number(bytes.get(page) / 1024.0) + " kB of HTML); signed in through the "
                            + "form with a session cookie; " + sizes.consoleRequests() + " requests after " + CONSOLE_WARM_UPS
                            + " unmeasured, one at a time, the pages in turn, nothing else running");
        }
    }

    // ---- 4. audit ----------------------------------------------------------------------------

    private void asOf(Service service) {
        CommandGateway gateway = service.context.getBean(CommandGateway.class);
        String customer = "long-history";
        gateway.sendAndWait(new RegisterCustomer(customer, "Long History Ltd", "CNY"));
        int events = 1;
        for (int i = 0; events < sizes.asOfEvents(); i++) {
            gateway.sendAndWait(new MakePromise(customer, "P-" + i, Money.of("100", "CNY"), TODAY.plusDays(10), null,
                    Channel.PHONE, true, null, null));
            gateway.sendAndWait(new RecordPayment(customer, "PAY-" + i, Money.of(i % 3 == 0 ? "40" : "100", "CNY"), TODAY, "P-" + i));
            events += i % 3 == 0 ? 2 : 3;
        }
        Latencies latencies = new Latencies(10);
        for (int i = 0; i < 13; i++) {
            long begin = System.nanoTime();
            var answer = service.get("/api/v1/customers/" + customer + "/reliability?asOf=" + Instant.now());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("as-of failed: " + answer.body());
            }
            if (i >= 3) {
                latencies.add(System.nanoTime() - begin); // the first calls warm the JIT and caches
            }
        }
        report.add("As-of reliability, " + Report.number(events) + " events", "p50 " + Report.millis(latencies.percentileMillis(50)),
                "", "", "< 250 ms", "GET /customers/{id}/reliability?asOf=..., recomputed from the event store with one "
                        + "explanation row per event, warm");
    }

    // ---- 2. rebuild --------------------------------------------------------------------------

    private void rebuild(Service service, RawLimits raw, JdbcTemplate jdbc) throws Exception {
        long original = count(jdbc);
        for (int generation = 1; count(jdbc) < sizes.rebuildEvents(); generation++) {
            long missing = sizes.rebuildEvents() - count(jdbc);
            jdbc.update("""
                    insert into %1$s (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                        payload, payloadrevision, payloadtype, timestamp)
                    select e.aggregateidentifier || '~' || ?, e.sequencenumber, e.type, gen_random_uuid()::text, e.metadata,
                        convert_to(replace(convert_from(e.payload, 'UTF8'), '"customerId":"' || e.aggregateidentifier || '"',
                            '"customerId":"' || e.aggregateidentifier || '~' || ? || '"'), 'UTF8'),
                        e.payloadrevision, e.payloadtype, e.timestamp
                    from (select * from %1$s where globalindex <= ? and aggregateidentifier not like '%%~%%'
                          order by globalindex limit ?) e
                    order by e.globalindex""".formatted(JdbcEventHistory.EVENTS), generation, generation, Long.MAX_VALUE, missing);
        }
        long events = count(jdbc);
        double rawRate = raw.readAndParsePerSecond();
        profiler.start("rebuild");
        long start = System.nanoTime();
        var accepted = service.post("/api/v1/admin/projections/rebuild", "");
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + accepted.body());
        }
        awaitReadModels(service);
        double rate = events / ((System.nanoTime() - start) / 1e9);
        profiler.stop();
        report.add("Rebuild of every read model", Report.number(rate) + " events/s", Report.number(rawRate) + " events/s read + parsed",
                Report.ratio(rate, rawRate), ">= 30%", "POST /admin/projections/rebuild over " + Report.number(events)
                        + " events (" + Report.number(original) + " written through the service, the rest copies of them under "
                        + "new customer ids); both read models, to lag 0");
    }

    /**
     * The period-end aging report over the history the rebuild just read, as of today (every event recorded by then),
     * once: it reads the whole event store each time, so a warm second run would measure caches, not the report.
     */
    private void agingReport(Service service, JdbcTemplate jdbc) throws Exception {
        long events = count(jdbc);
        LocalDate periodEnd = LocalDate.now(ZoneOffset.UTC);
        profiler.start("aging-report");
        long start = System.nanoTime();
        var answer = service.get("/api/v1/reports/aging?asOf=" + periodEnd);
        double seconds = (System.nanoTime() - start) / 1e9;
        profiler.stop();
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("aging report failed: " + answer.body());
        }
        long owing = 0;
        for (JsonNode currency : new ObjectMapper().readTree(answer.body()).path("currencies")) {
            owing += currency.path("customers").asLong();
        }
        report.add("Aging report, " + Report.number(events) + " events", String.format(java.util.Locale.ROOT, "%.1f s", seconds),
                "", "", "< 60 s", "GET /reports/aging?asOf=" + periodEnd + " over the history of the rebuild above, read "
                        + "from the event store (" + Report.number(owing) + " customers owing), cold; progress in the log every 5 s");
    }

    /** Until no rebuild runs and every read model has applied every event. */
    private static void awaitReadModels(Service service) throws Exception {
        ObjectMapper json = new ObjectMapper();
        while (true) {
            Thread.sleep(200);
            JsonNode status = json.readTree(service.get("/api/v1/admin/projections").body());
            boolean caughtUp = !status.path("rebuild").path("running").asBoolean(false);
            for (JsonNode processor : status.path("processors")) {
                caughtUp &= !processor.path("replaying").asBoolean() && processor.path("lag").asLong(-1) == 0;
            }
            if (caughtUp && !status.path("processors").isEmpty()) {
                return;
            }
        }
    }

    private static long count(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("select count(*) from " + JdbcEventHistory.EVENTS, Long.class);
        return count == null ? 0 : count;
    }

    // ---- 5. catch-up -------------------------------------------------------------------------

    private void prepareCatchUp(Service service) throws Exception {
        CommandGateway gateway = service.context.getBean(CommandGateway.class);
        JdbcTemplate jdbc = service.context.getBean(JdbcTemplate.class);
        int customers = Math.max(1, sizes.catchUpPromises() / 10);
        for (int c = 0; c < customers; c++) {
            String customer = "catch-up-" + c;
            gateway.sendAndWait(new RegisterCustomer(customer, "Catch Up " + c, "CNY"));
            for (int p = 0; p < 10 && c * 10 + p < sizes.catchUpPromises(); p++) {
                gateway.sendAndWait(new MakePromise(customer, "P-" + p, Money.of("100", "CNY"), TODAY.plusDays(1), null,
                        Channel.PHONE, true, null, null));
            }
        }
        while (closing(jdbc) < sizes.catchUpPromises()) {
            Thread.sleep(100);
        }
    }

    private static long closing(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("select count(*) from promise_window where customer_id like 'catch-up-%'", Long.class);
        return count == null ? 0 : count;
    }

    private void catchUp() throws Exception {
        // ten days later, after the service was down: every catch-up window closed in between
        try (Service service = Service.start(database, MONDAY.plusSeconds(10 * 86_400).toString(), true)) {
            long start = System.nanoTime();
            JdbcTemplate jdbc = service.context.getBean(JdbcTemplate.class);
            while (closing(jdbc) > 0) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add("Catch-up of " + Report.number(sizes.catchUpPromises()) + " closed windows",
                    String.format(java.util.Locale.ROOT, "%.1f s", seconds), "", "", "< 60 s",
                    "From the restarted service being up until every window that closed while it was down is judged "
                            + "(includes the sweeper's 0.5 s start delay and the schedule read model's lag)");
        }
    }
}
