package com.promises.bench;

import com.promises.PromisesApplication;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The service started in-process on a random port, and a client that talks to it as a front-end app would. */
final class Service implements AutoCloseable {

    static final String USER = "bench";
    private static final String PASSWORD = "bench-password";

    final ConfigurableApplicationContext context;
    private final String base;
    private final String authorization;
    private final HttpClient http;

    private Service(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
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
        properties.put("spring.datasource.hikari.maximum-pool-size", "40");
        properties.put("server.tomcat.threads.max", "64");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new Service(new SpringApplicationBuilder(PromisesApplication.class).logStartupInfo(false).run(arguments));
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
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
        context.close();
    }
}
