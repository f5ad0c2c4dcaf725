package com.promises.core.account;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.MakeOurCommitment;
import com.promises.core.commitment.RecordOurCommitmentOutcome;
import com.promises.core.followup.RecordEscalationStep;
import com.promises.core.followup.StepTaken;
import com.promises.core.money.Money;
import com.promises.core.payment.ReversalReason;
import com.promises.core.payment.ReversePayment;
import com.promises.core.promise.ExplainOutcome;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.RecordFinancialSituation;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.promise.ValuePromise;
import com.promises.core.reminder.SendReminder;
import com.promises.core.testing.MovableClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long-lived account restored from a Jackson snapshot behaves exactly like one rebuilt from its events:
 * the same commands give the same events, answers and refusals.
 */
class SnapshotTest {

    private static final String CUSTOMER = "long-lived";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final JacksonSerializer snapshots = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule()).build()).build();
    private final Configuration live = DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> snapshots)
            .configureEmbeddedEventStore(c -> storage)
            .configureAggregate(AggregateConfigurer.defaultConfiguration(CustomerAccount.class)
                    .configureCache(c -> new WeakReferenceCache()))
            .registerComponent(AccountRules.class, c -> AccountRules.defaults())
            .registerComponent(Clock.class, c -> clock)
            .buildConfiguration();

    @AfterEach
    void stop() {
        live.shutdown();
    }

    @Test
    void anAccountRestoredFromASnapshotAnswersLikeOneRebuiltFromEvents() {
        live.start();
        CommandGateway gateway = live.commandGateway();
        gateway.sendAndWait(new RegisterCustomer(CUSTOMER, "Long Lived Ltd", "CNY"));
        for (int month = 0; month < 40; month++) {
            LocalDate today = today();
            gateway.sendAndWait(new MakePromise(CUSTOMER, "P-" + month, cny(1000 + month), today.plusDays(10), null,
                    Channel.PHONE, true, null, null));
            clock.advanceDays(2);
            if (month % 3 != 0) {
                gateway.sendAndWait(new RecordPayment(CUSTOMER, "PAY-" + month, cny(700 + 20 * month), today(), null));
            }
            clock.advanceDays(18);
            gateway.sendAndWait(new ValuePromise(CUSTOMER, "P-" + month));
        }
        assertThat(storage.readEvents(CUSTOMER).asStream().count()).isGreaterThan(100);

        LocalDate today = today();
        gateway.sendAndWait(new MakePromise(CUSTOMER, "OPEN-1", cny(5000), today.plusDays(5), null, Channel.VISIT, true, null, null));
        gateway.sendAndWait(new MakePromise(CUSTOMER, "OPEN-2", cny(300), today.plusDays(8), null, Channel.VISIT, true, null, null));
        List<Object> probes = List.of(
                new RecordPayment(CUSTOMER, "PROBE-PAY", cny(5200), today, null),
                new SendReminder(CUSTOMER, "OPEN-2", Channel.MESSAGE, null),
                new SendReminder(CUSTOMER, "OPEN-2", Channel.MESSAGE, null),
                new RecordPayment(CUSTOMER, "PAY-1", cny(720), today, null),
                new MakePromise(CUSTOMER, "P-1", cny(1), today, null, Channel.PHONE, false, null, null),
                new RenegotiatePromise(CUSTOMER, "OPEN-2", "OPEN-2b", today.plusDays(20), null, null, null),
                new RecordBrokenPromise(CUSTOMER, "P-39", Reason.CASH_FLOW, null),
                new MakePromise(CUSTOMER, "OPEN-3", cny(100), today.plusDays(3), null, Channel.PHONE, false, null, null),
                new ValuePromise(CUSTOMER, "OPEN-3"),
                new ExplainOutcome(CUSTOMER, "P-39", Reason.REFUSES, null, null),
                new ExplainOutcome(CUSTOMER, "P-38", Reason.ACCOUNTS_FROZEN, null, "bank froze them"),
                new ReversePayment(CUSTOMER, "PAY-38", ReversalReason.BOUNCED, null),
                new ReversePayment(CUSTOMER, "PAY-38", ReversalReason.BOUNCED, null),
                new RecordPayment(CUSTOMER, "LATE-PAY", cny(900), today.minusDays(19), null),
                new MakeOurCommitment(CUSTOMER, "C-1", CommitmentKind.VISIT, today, null),
                new RecordOurCommitmentOutcome(CUSTOMER, "C-1", CommitmentOutcome.MISSED, "forgot"),
                new RecordFinancialSituation(CUSTOMER, FinancialSituation.TEMPORARY_SHORTAGE, null),
                new RecordEscalationStep(CUSTOMER, StepTaken.PHONE, "P-39", null, null),
                new MakePromise(CUSTOMER, "HUGE", cny(900_000), today.plusDays(1), null, Channel.PHONE, true, null, null));
        for (Object probe : probes) {
            CustomerAccount restored = restoredFromSnapshot();
            FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
            fixture.registerInjectableResource(AccountRules.defaults());
            fixture.registerInjectableResource(Clock.fixed(clock.instant(), ZoneOffset.UTC));

            long before = storage.readEvents(CUSTOMER).asStream().count();
            Object answer;
            try {
                answer = gateway.sendAndWait(probe);
            } catch (CommandRejected rejection) {
                fixture.givenState(() -> restored).when(probe)
                        .expectException(AccountFixtures.rejected(rejection.rejection(), rejection.getMessage()));
                continue;
            }
            List<Object> produced = new ArrayList<>(storage.readEvents(CUSTOMER).asStream().skip(before)
                    .map(EventMessage::getPayload).map(Object.class::cast).toList());
            var result = fixture.givenState(() -> restored).when(probe).expectEvents(produced.toArray());
            if (answer != null) {
                result.expectResultMessagePayload(answer);
            }
        }
    }

    private CustomerAccount restoredFromSnapshot() {
        CustomerAccount current = DefaultUnitOfWork.startAndGet(null).executeWithResult(() ->
                live.repository(CustomerAccount.class).load(CUSTOMER).invoke(account -> account)).getPayload();
        SerializedObject<byte[]> snapshot = snapshots.serialize(current, byte[].class);
        return snapshots.deserialize(snapshot);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Money cny(int amount) {
        return Money.of(String.valueOf(amount), "CNY");
    }
}
