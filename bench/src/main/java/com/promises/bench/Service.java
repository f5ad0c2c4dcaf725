package com.promises.bench;

import com.promises.PromisesApplication;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The service started in-process on a random port, and a client that talks to it as a front-end app would. */
final class Service implements AutoCloseable {

    static final String USER = "bench";
    private static final String PASSWORD = "bench-password";

    final ConfigurableApplicationContext context;
    private final String headers;
    private final PlainHttpClient http;

    private Service(ConfigurableApplicationContext context) {
        this.context = context;
        this.headers = "Authorization: Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                + "\r\nAccept: application/json\r\n";
        this.http = new PlainHttpClient("127.0.0.1", Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    static Service start(Map<String, String> database, String businessClock, boolean sweepAtStart) {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("server.port", "0");
        properties.put("promises.clock.fixed", businessClock);
        properties.put("promises.security.users", USER + ":{noop}" + PASSWORD + ":COLLECTOR+ADMIN");
        properties.put("promises.valuation.initial-delay", sweepAtStart ? "PT0.5S" : "PT24H");
        properties.put("promises.valuation.interval", "PT24H");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.com.promises", "WARN");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new Service(new SpringApplicationBuilder(PromisesApplication.class).logStartupInfo(false).run(arguments));
    }

    PlainHttpClient.Answer post(String path, String json) {
        return http.send("POST", path, headers + "Content-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\n", json);
    }

    /** A body of another type than JSON (an import's NDJSON), without an Idempotency-Key. */
    PlainHttpClient.Answer post(String path, String contentType, String body) {
        return http.send("POST", path, headers + "Content-Type: " + contentType + "\r\n", body);
    }

    PlainHttpClient.Answer put(String path, String json) {
        return http.send("PUT", path, headers + "Content-Type: application/json\r\n", json);
    }

    PlainHttpClient.Answer get(String path) {
        return http.send("GET", path, headers, null);
    }

    /** The console signed in with the same user through its form, as a browser would. */
    Console signInToConsole() {
        return Console.signIn(http, USER, PASSWORD);
    }

    String jdbcUrl() {
        return context.getBean(HikariDataSource.class).getJdbcUrl();
    }

    String jdbcUser() {
        return context.getBean(HikariDataSource.class).getUsername();
    }

    String jdbcPassword() {
        return context.getBean(HikariDataSource.class).getPassword();
    }

    @Override
    public void close() {
        http.close();
        context.close();
    }
}
