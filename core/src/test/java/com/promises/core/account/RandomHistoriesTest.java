package com.promises.core.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.JudgeOurCommitment;
import com.promises.core.commitment.MakeOurCommitment;
import com.promises.core.commitment.RecordOurCommitmentOutcome;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.followup.RecordEscalationStep;
import com.promises.core.followup.StepTaken;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.payment.ReversalReason;
import com.promises.core.payment.ReversePayment;
import com.promises.core.promise.ExplainOutcome;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseState;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.RecordFinancialSituation;
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
 * of every payment and reversal is accounted for, no promise is judged twice except by a judgement again that
 * replaces the earlier one, every score stays in 0..100, and an account rebuilt from its events is the very
 * account that produced them.
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
        Map<String, Integer> seen = new HashMap<>();
        for (int history = 0; history < HISTORIES; history++) {
            String customer = "customer-" + history;
            gateway.sendAndWait(new RegisterCustomer(customer, "Customer " + history, "CNY"));
            List<String> promiseIds = new ArrayList<>();
            List<String> paymentIds = new ArrayList<>();
            List<String> commitmentIds = new ArrayList<>();
            for (int step = 0; step < COMMANDS_PER_HISTORY; step++) {
                clock.advanceDays(random.nextInt(4));
                Object command = random.nextInt(10) < 7 ? randomCommand(random, customer, promiseIds, step)
                        : randomJudgement(random, customer, promiseIds, paymentIds, commitmentIds, step);
                if (command instanceof RecordPayment payment) {
                    paymentIds.add(payment.paymentId());
                }
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
            everyCentOfTheAccountIsOnAPromiseOrInCredit(events);
            noPromiseIsJudgedTwice(events);
            everyScoreLiesBetweenZeroAndHundred(events);
            events.forEach(event -> seen.merge(event.getClass().getSimpleName(), 1, Integer::sum));
            assertThat(state(replay, customer)).as("replayed account of " + customer).isEqualTo(state(live, customer));
        }
        assertThat(accepted).as("commands accepted").isGreaterThan(HISTORIES * COMMANDS_PER_HISTORY / 3);
        assertThat(seen).as("the histories reach every correction").containsKeys("PromiseRejudged", "PaymentReversed",
                "OutcomeExplained", "PromiseExcused", "OurCommitmentOutcomeRecorded", "EscalationStepRecorded",
                "FinancialSituationRecorded");
        assertThat(seen.get("PromiseRejudged")).isGreaterThan(20);
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

    /** Commands about the collector's judgement: explanations, reversals, our commitments, situations, steps. */
    private Object randomJudgement(Random random, String customer, List<String> promiseIds, List<String> paymentIds,
                                   List<String> commitmentIds, int step) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String somePromise = promiseIds.isEmpty() ? "none" : promiseIds.get(random.nextInt(promiseIds.size()));
        String somePayment = paymentIds.isEmpty() ? "none" : paymentIds.get(random.nextInt(paymentIds.size()));
        String someCommitment = commitmentIds.isEmpty() ? "none" : commitmentIds.get(random.nextInt(commitmentIds.size()));
        return switch (random.nextInt(7)) {
            case 0 -> new ExplainOutcome(customer, somePromise, Reason.values()[random.nextInt(Reason.values().length)],
                    random.nextBoolean() ? null : Faith.values()[random.nextInt(Faith.values().length)],
                    random.nextBoolean() ? "note " + step : null);
            case 1, 2 -> new ReversePayment(customer, somePayment,
                    ReversalReason.values()[random.nextInt(ReversalReason.values().length)], null);
            case 3 -> {
                String id = "C-" + step;
                commitmentIds.add(id);
                yield new MakeOurCommitment(customer, id, CommitmentKind.values()[random.nextInt(CommitmentKind.values().length)],
                        today.plusDays(random.nextInt(6)), null);
            }
            case 4 -> random.nextBoolean() ? new JudgeOurCommitment(customer, someCommitment)
                    : new RecordOurCommitmentOutcome(customer, someCommitment,
                    CommitmentOutcome.values()[random.nextInt(CommitmentOutcome.values().length)], null);
            case 5 -> new RecordFinancialSituation(customer,
                    FinancialSituation.values()[random.nextInt(FinancialSituation.values().length)], null);
            default -> new RecordEscalationStep(customer, StepTaken.values()[random.nextInt(StepTaken.values().length)],
                    random.nextBoolean() ? somePromise : null, null, null);
        };
    }

    private static void everyCentIsAccountedFor(List<Object> events) {
        Map<String, PaymentRecorded> payments = new HashMap<>();
        for (Object event : events) {
            if (event instanceof PaymentRecorded payment) {
                assertThat(sum(payment.allocations()).add(payment.unallocated().amount())).isEqualByComparingTo(payment.amount().amount());
                assertThat(payment.unallocated().amount().signum()).isGreaterThanOrEqualTo(0);
                payments.put(payment.paymentId(), payment);
            }
            if (event instanceof PaymentReversed reversal) {
                PaymentRecorded payment = payments.remove(reversal.paymentId()); // reversed once, and only what was paid
                assertThat(payment).as("reversal of a standing payment").isNotNull();
                assertThat(reversal.allocationsUndone()).isEqualTo(payment.allocations());
                assertThat(reversal.creditWithdrawn().amount().signum()).isGreaterThanOrEqualTo(0);
                assertThat(sum(reversal.allocationsUndone()).add(reversal.creditWithdrawn().amount())
                        .add(sum(reversal.creditTakenBack()))).isEqualByComparingTo(payment.amount().amount());
            }
        }
    }

    /** The money of the payments that stand is on the promises or in the account's credit, to the cent. */
    private static void everyCentOfTheAccountIsOnAPromiseOrInCredit(List<Object> events) {
        Map<String, BigDecimal> paidByPromise = new HashMap<>();
        BigDecimal standing = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (Object event : events) {
            if (event instanceof PromiseMade made) {
                paidByPromise.merge(made.promiseId(), made.creditApplied().amount(), BigDecimal::add);
                credit = credit.subtract(made.creditApplied().amount());
            } else if (event instanceof PaymentRecorded payment) {
                payment.allocations().forEach(a -> paidByPromise.merge(a.promiseId(), a.amount().amount(), BigDecimal::add));
                standing = standing.add(payment.amount().amount());
                amounts.put(payment.paymentId(), payment.amount().amount());
                credit = payment.creditBalance().amount();
            } else if (event instanceof PaymentReversed reversal) {
                reversal.allocationsUndone().forEach(a -> paidByPromise.merge(a.promiseId(), a.amount().amount().negate(), BigDecimal::add));
                reversal.creditTakenBack().forEach(a -> paidByPromise.merge(a.promiseId(), a.amount().amount().negate(), BigDecimal::add));
                standing = standing.subtract(amounts.get(reversal.paymentId()));
                credit = reversal.creditBalance().amount();
            }
            assertThat(credit.signum()).as("credit").isGreaterThanOrEqualTo(0);
        }
        assertThat(paidByPromise.values()).allMatch(paid -> paid.signum() >= 0);
        BigDecimal onPromises = paidByPromise.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(onPromises.add(credit)).isEqualByComparingTo(standing);
    }

    /**
     * A promise is judged once, by a judgement or a renegotiation; after that only a judgement again replaces it
     * (from the state the last one left), and a promise whose judgement was withdrawn (OPEN) is judged once more.
     */
    private static void noPromiseIsJudgedTwice(List<Object> events) {
        Map<String, PromiseState> judged = new HashMap<>();
        for (Object event : events) {
            String first = event instanceof PromiseKept e ? e.promiseId()
                    : event instanceof PromisePartiallyKept e ? e.promiseId()
                    : event instanceof PromiseBroken e ? e.promiseId()
                    : event instanceof PromiseRenegotiated e ? e.promiseId() : null;
            if (first != null) {
                PromiseState before = judged.get(first);
                assertThat(before == null || before == PromiseState.OPEN).as("judged twice: " + first).isTrue();
                judged.put(first, stateAfter(event));
            }
            if (event instanceof PromiseRejudged again) {
                assertThat(judged.get(again.promiseId())).as("judged again from the state it had").isEqualTo(again.previousState());
                assertThat(again.state() != again.previousState() || again.state() == PromiseState.KEPT
                        || again.state() == PromiseState.PARTIALLY_KEPT).as("a judgement again changes something").isTrue();
                judged.put(again.promiseId(), again.state());
            }
        }
        long made = events.stream().filter(PromiseMade.class::isInstance).count();
        assertThat(judged.size()).isLessThanOrEqualTo((int) made);
    }

    private static PromiseState stateAfter(Object judgement) {
        return judgement instanceof PromiseKept ? PromiseState.KEPT
                : judgement instanceof PromisePartiallyKept ? PromiseState.PARTIALLY_KEPT
                : judgement instanceof PromiseBroken ? PromiseState.BROKEN : PromiseState.RENEGOTIATED;
    }

    private static BigDecimal sum(List<Allocation> allocations) {
        return allocations.stream().map(Allocation::amount).map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
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
