package com.promises.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import plaincrud.PlainCrudApplication;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a team would build instead of the service, on the same stack: Tomcat, Spring Security's HTTP Basic with the
 * password compared as {noop}, Jackson, bean validation, HikariCP and JdbcClient. Each command is one SELECT of the
 * customer and one INSERT of a row: no events, no idempotency, no read models. The user store is a plain
 * UserDetailsService, not a UserDetailsPasswordService: one that can update passwords makes Spring Security re-encode
 * a {noop} password to BCrypt after the first sign-in, and every request then pays for BCrypt.
 * <p>
 * The application itself is {@link PlainCrudApplication}. It answers the service's command paths for the benchmark's
 * mix (promises, payments, reminders, broken promises, renegotiations), so the same load generator drives both.
 */
final class PlainCrudService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String headers;
    private final PlainHttpClient http;

    private PlainCrudService(ConfigurableApplicationContext context) {
        this.context = context;
        this.headers = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (PlainCrudApplication.USER + ":" + PlainCrudApplication.PASSWORD).getBytes(StandardCharsets.UTF_8))
                + "\r\nAccept: application/json\r\n";
        this.http = new PlainHttpClient("127.0.0.1", Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** Starts it beside the service, on the same PostgreSQL, with as many connections as the service has. */
    static PlainCrudService start(String jdbcUrl, String user, String password, List<String> customers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.config.name", "crud-baseline"); // not the service's application.yml
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password == null ? "" : password);
        properties.put("spring.datasource.hikari.maximum-pool-size", "16");
        properties.put("spring.datasource.hikari.pool-name", "crud");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PlainCrudApplication.Application.class)
                .properties(properties).logStartupInfo(false).run();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("create table if not exists crud_customer (id varchar(64) primary key, name varchar(200) not null, "
                + "currency char(3) not null)").update();
        jdbc.sql("create table if not exists crud_entry (id bigserial primary key, customer_id varchar(64) not null, "
                + "kind varchar(16) not null, reference varchar(64), amount numeric(19, 4), currency char(3), day date, "
                + "detail varchar(2000), recorded_at timestamptz not null default now())").update();
        jdbc.sql("truncate crud_customer, crud_entry").update();
        jdbc.sql("insert into crud_customer (id, name, currency) select id, 'Customer ' || id, 'CNY' from unnest(?::varchar[]) id")
                .param(customers.toArray(String[]::new)).update();
        return new PlainCrudService(context);
    }

    PlainHttpClient.Answer post(String path, String json) {
        return http.send("POST", path, headers + "Content-Type: application/json\r\n", json);
    }

    @Override
    public void close() {
        http.close();
        context.close();
    }
}
