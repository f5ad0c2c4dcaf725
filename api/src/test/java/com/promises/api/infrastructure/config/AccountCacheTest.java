package com.promises.api.infrastructure.config;

import com.promises.PromisesApplication;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.money.Money;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts stay in memory between commands, yet an instance never decides on an account another one changed. */
class AccountCacheTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void aCachedAccountThatAnotherInstanceChangedIsReloadedBeforeItDecides() {
        Map<String, Object> database = TestDatabase.freshDatabase();
        try (var first = start(database); var second = start(TestDatabase.sameServerAs(first, database))) {
            CommandGateway firstGateway = first.getBean(CommandGateway.class);
            firstGateway.sendAndWait(new RegisterCustomer("cached-1", "Cached Ltd", "CNY"));
            firstGateway.sendAndWait(promise("P-1", "100"));
            assertThat(first.getBean(CheckedAggregateCache.class).containsKey("cached-1")).as("kept after the command").isTrue();

            second.getBean(CommandGateway.class).sendAndWait(promise("P-2", "200"));
            // The first instance's cached account has never heard of P-2; deciding on it would refuse the payment.
            firstGateway.sendAndWait(new RecordPayment("cached-1", "PAY-1", Money.of("200", "CNY"), TODAY, "P-2"));

            var recorded = first.getBean(EventStore.class).readEvents("cached-1").asStream()
                    .filter(e -> e.getPayload() instanceof PaymentRecorded).findFirst().orElseThrow();
            assertThat(recorded.getSequenceNumber()).as("right after the other instance's promise").isEqualTo(3L);
            var payment = (PaymentRecorded) recorded.getPayload();
            assertThat(payment.allocations()).singleElement().satisfies(a -> {
                assertThat(a.promiseId()).isEqualTo("P-2");
                assertThat(a.amount().amount()).isEqualByComparingTo("200");
            });
        }
    }

    private static MakePromise promise(String promiseId, String amount) {
        return new MakePromise("cached-1", promiseId, Money.of(amount, "CNY"), TODAY.plusDays(5), null, Channel.PHONE,
                false, null, null);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("promises.clock.fixed", "2026-06-15T09:00:00Z");
        properties.put("promises.security.users", "collector:{noop}pw:COLLECTOR");
        return new SpringApplicationBuilder(PromisesApplication.class)
                .web(WebApplicationType.NONE)
                .run(TestDatabase.asArguments(properties));
    }
}
