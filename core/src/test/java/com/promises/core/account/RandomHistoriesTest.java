package com.promises.core.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.promise.ValuePromise;
import com.promises.core.reminder.SendReminder;
import com.promises.core.scoring.ReliabilityPolicies;
import com.promises.core.scoring.ScoreCard;
import com.promises.core.testing.MovableClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random commands against the real aggregate (seeded, so a failure repeats): every cent
 * of every payment is accounted for, no promise is judged twice, every score stays in 0..100, and an
 * account rebuilt from its events is the very account that produced them.
 */
class RandomHistoriesTest {

    private static final long SEED = 20261122L;
    private static final int HISTORIES = 300;
    private static final int COMMANDS_PER_HISTORY = 40;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private Configuration live;
    private Configuration replay;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @BeforeEach
    void start() {
        live = configuration(true);
        replay = configuration(false);
    }

    @AfterEach
    void stop() {
        live.shutdown();
        replay.shutdown();
    }

    @Test
    void randomHistoriesKeepEveryInvariant() throws Exception {
        Random random = new Random(SEED);
        CommandGateway gateway = live.commandGateway();
        int accepted = 0;
        for (int history = 0; history < HISTORIES; history++) {
            String customer = "customer-" + history;
            gateway.sendAndWait(new RegisterCustomer(customer, "Customer " + history, "CNY"));
            List<String> promiseIds = new ArrayList<>();
            for (int step = 0; step < COMMANDS_PER_HISTORY; step++) {
                clock.advanceDays(random.nextInt(4));
                Object command = randomCommand(random, customer, promiseIds, step);
                try {
                    gateway.sendAndWait(command);
                    accepted++;
                } catch (CommandRejected expected) {
                    // random commands are often refused; a refusal stores nothing
                }
            }
            List<Object> events = storage.readEvents(customer).asStream().map(EventMessage::getPayload)
                    .map(Object.class::cast).toList();
            everyCentIsAccountedFor(events);
            noPromiseIsJudgedTwice(events);
            everyScoreLiesBetweenZeroAndHundred(events);
            assertThat(state(replay, customer)).as("replayed account of " + customer).isEqualTo(state(live, customer));
        }
        assertThat(accepted).as("commands accepted").isGreaterThan(HISTORIES * COMMANDS_PER_HISTORY / 3);
    }

    private Object randomCommand(Random random, String customer, List<String> promiseIds, int step) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String somePromise = promiseIds.isEmpty() ? "none" : promiseIds.get(random.nextInt(promiseIds.size()));
        Money amount = Money.of(BigDecimal.valueOf(1 + random.nextInt(200_000), 2), "CNY");
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> {
                String id = "P-" + step;
                promiseIds.add(id);
                LocalDate madeOn = random.nextInt(5) == 0 ? today.minusDays(random.nextInt(20)) : null;
                LocalDate base = madeOn == null ? today : madeOn;
                yield new MakePromise(customer, id, amount, base.plusDays(random.nextInt(15)), madeOn, Channel.PHONE,
                        random.nextBoolean(), null, null);
            }
            case 3, 4 -> new RecordPayment(customer, "PAY-" + step, amount, today.minusDays(random.nextInt(6)),
                    random.nextBoolean() ? somePromise : null);
            case 5 -> new ValuePromise(customer, somePromise);
            case 6 -> new SendReminder(customer, somePromise, Channel.MESSAGE, null);
            case 7 -> random.nextBoolean()
                    ? new RecordBrokenPromise(customer, somePromise, Reason.values()[random.nextInt(Reason.values().length)], null)
                    : new RenegotiatePromise(customer, somePromise, "R-" + step, today.plusDays(random.nextInt(20)), null, null, null);
            case 8 -> random.nextBoolean() ? new OpenDispute(customer, somePromise, Reason.QUALITY_DISPUTE, null)
                    : new ResolveDispute(customer, somePromise, random.nextBoolean(), null);
            default -> new CancelPromise(customer, somePromise, null);
        };
    }

    private static void everyCentIsAccountedFor(List<Object> events) {
        for (Object event : events) {
            if (event instanceof PaymentRecorded payment) {
                BigDecimal allocated = payment.allocations().stream().map(Allocation::amount).map(Money::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(allocated.add(payment.unallocated().amount())).isEqualByComparingTo(payment.amount().amount());
                assertThat(payment.unallocated().amount().signum()).isGreaterThanOrEqualTo(0);
            }
        }
    }

    private static void noPromiseIsJudgedTwice(List<Object> events) {
        Map<String, Integer> judgements = new HashMap<>();
        for (Object event : events) {
            String judged = event instanceof PromiseKept e ? e.promiseId()
                    : event instanceof PromisePartiallyKept e ? e.promiseId()
                    : event instanceof PromiseBroken e ? e.promiseId()
                    : event instanceof PromiseRenegotiated e ? e.promiseId() : null;
            if (judged != null) {
                judgements.merge(judged, 1, Integer::sum);
            }
        }
        assertThat(judgements.values()).allMatch(count -> count == 1);
        long made = events.stream().filter(PromiseMade.class::isInstance).count();
        assertThat(judgements.size()).isLessThanOrEqualTo((int) made);
    }

    private static void everyScoreLiesBetweenZeroAndHundred(List<Object> events) {
        ScoreCard card = ReliabilityPolicies.V1.start();
        for (Object event : events) {
            card = card.apply(event);
            assertThat(card.reliability().score()).isBetween(BigDecimal.ZERO, new BigDecimal("100.0"));
        }
    }

    private String state(Configuration configuration, String customer) throws Exception {
        Repository<CustomerAccount> repository = configuration.repository(CustomerAccount.class);
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() ->
                json.writeValueAsString(repository.load(customer).invoke(account -> account))).getPayload();
    }

    private Configuration configuration(boolean cached) {
        var aggregate = AggregateConfigurer.defaultConfiguration(CustomerAccount.class);
        if (cached) {
            aggregate.configureCache(c -> new WeakReferenceCache()); // the live instance that handled the commands
        }
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(aggregate)
                .registerComponent(AccountRules.class, c -> AccountRules.defaults())
                .registerComponent(Clock.class, c -> clock)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }
}
