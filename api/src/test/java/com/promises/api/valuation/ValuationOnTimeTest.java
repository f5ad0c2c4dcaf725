package com.promises.api.valuation;

import com.promises.PromisesApplication;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.money.Money;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.ValuedBy;
import com.promises.testing.Await;
import com.promises.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Windows close by themselves: each promise is judged once, across restarts and with two instances. */
class ValuationOnTimeTest {

    private static final Instant MONDAY = Instant.parse("2026-06-15T09:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 6, 16); // window closes at the end of 19 June

    @BeforeEach
    void beginOnMonday() {
        MovableBusinessClock.INSTANCE.set(MONDAY);
    }

    @Test
    void aClosedWindowIsBrokenBySystemExactlyOnceEvenWithARestartBetweenCloseAndCheck() {
        Map<String, Object> database = TestDatabase.freshDatabase();
        try (var service = start(database, "PT1H")) {
            var gateway = service.getBean(CommandGateway.class);
            gateway.sendAndWait(new RegisterCustomer("late-payer", "Late Payer Ltd", "CNY"));
            gateway.sendAndWait(new MakePromise("late-payer", "P-1", Money.of("7000", "CNY"), DUE, null, Channel.PHONE,
                    true, null, null));
            awaitWindows(service, 1);
            assertThat(service.getBean(ValuingPromises.class).sweep()).isZero(); // still open on Monday
        }
        MovableBusinessClock.INSTANCE.advance(Duration.ofDays(5)); // Saturday 20 June: the window closed while we were down

        try (var restarted = start(database, "PT0.2S")) {
            Await.until("the promise broken by the service", () -> brokenBySystem(restarted, "late-payer").size() == 1);
            restarted.getBean(ValuingPromises.class).sweep();
            List<PromiseBroken> broken = brokenBySystem(restarted, "late-payer");
            assertThat(broken).hasSize(1);
            assertThat(broken.get(0).valuedAt()).isEqualTo(MovableBusinessClock.INSTANCE.instant());
            assertThat(broken.get(0).windowClosesOn()).isEqualTo(LocalDate.of(2026, 6, 19));
        }
        try (var again = start(database, "PT0.2S")) {
            again.getBean(ValuingPromises.class).sweep();
            assertThat(brokenBySystem(again, "late-payer")).hasSize(1);
        }
    }

    @Test
    void twoInstancesRacingOverFiveHundredClosingWindowsJudgeEachOnce() throws Exception {
        Map<String, Object> database = TestDatabase.freshDatabase();
        try (var first = start(database, "PT1H"); var second = start(TestDatabase.sameServerAs(first, database), "PT1H")) {
            var gateway = first.getBean(CommandGateway.class);
            List<String> customers = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                String customer = "race-" + c;
                customers.add(customer);
                gateway.sendAndWait(new RegisterCustomer(customer, "Race " + c, "CNY"));
                for (int p = 0; p < 10; p++) {
                    gateway.sendAndWait(new MakePromise(customer, "P-" + p, Money.of("100", "CNY"), DUE, null,
                            Channel.PHONE, true, null, null));
                }
            }
            awaitWindows(first, 500);
            MovableBusinessClock.INSTANCE.advance(Duration.ofDays(5));

            var one = CompletableFuture.supplyAsync(() -> first.getBean(ValuingPromises.class).sweep());
            var two = CompletableFuture.supplyAsync(() -> second.getBean(ValuingPromises.class).sweep());
            int asked = one.get() + two.get();
            first.getBean(ValuingPromises.class).sweep();

            List<PromiseBroken> broken = customers.stream().flatMap(c -> brokenBySystem(first, c).stream()).toList();
            assertThat(broken).hasSize(500);
            assertThat(broken.stream().map(b -> b.customerId() + "/" + b.promiseId()).collect(Collectors.toSet())).hasSize(500);
            assertThat(asked).isBetween(500, 1000);
        }
    }

    private static List<PromiseBroken> brokenBySystem(ConfigurableApplicationContext service, String customer) {
        return service.getBean(EventStore.class).readEvents(customer, 0).asStream()
                .map(EventMessage::getPayload)
                .filter(PromiseBroken.class::isInstance).map(PromiseBroken.class::cast)
                .filter(b -> b.valuedBy() == ValuedBy.SYSTEM)
                .toList();
    }

    private static void awaitWindows(ConfigurableApplicationContext service, int count) {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        Await.until(count + " promise windows scheduled",
                () -> jdbc.queryForObject("select count(*) from promise_window", Long.class) >= count);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> database, String initialDelay) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("promises.valuation.initial-delay", initialDelay);
        properties.put("promises.valuation.interval", "PT1H");
        properties.put("promises.security.users", "collector:{noop}pw:COLLECTOR");
        return new SpringApplicationBuilder(PromisesApplication.class, MovableBusinessClock.class)
                .web(WebApplicationType.NONE)
                .run(TestDatabase.asArguments(properties));
    }
}
