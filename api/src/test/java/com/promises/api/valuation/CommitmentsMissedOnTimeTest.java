package com.promises.api.valuation;

import com.promises.PromisesApplication;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.MakeOurCommitment;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.money.Money;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.ValuedBy;
import com.promises.testing.Await;
import com.promises.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md rule 7: a commitment of ours nobody answered by the day after its due date is judged missed by the service,
 * once, like a promise's window; the promise whose window it covers is excused.
 */
class CommitmentsMissedOnTimeTest {

    private static final Instant MONDAY = Instant.parse("2026-06-15T09:00:00Z");

    @Test
    void anUnansweredVisitIsMissedOnceAndExcusesThePromiseWhoseWindowClosedThatDay() {
        MovableBusinessClock.INSTANCE.set(MONDAY);
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("promises.valuation.initial-delay", "PT1H");
        properties.put("promises.valuation.interval", "PT1H");
        properties.put("promises.security.users", "collector:{noop}pw:COLLECTOR");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PromisesApplication.class,
                MovableBusinessClock.class).web(WebApplicationType.NONE).run(TestDatabase.asArguments(properties))) {
            var gateway = service.getBean(CommandGateway.class);
            gateway.sendAndWait(new RegisterCustomer("visited", "Visited Ltd", "CNY"));
            gateway.sendAndWait(new MakeOurCommitment("visited", "C-1", CommitmentKind.VISIT, LocalDate.of(2026, 6, 15), null));
            // its window closes at the end of Monday 15 June, the day of our visit
            gateway.sendAndWait(new MakePromise("visited", "P-1", Money.of("700", "CNY"), LocalDate.of(2026, 6, 12),
                    LocalDate.of(2026, 6, 1), Channel.PHONE, true, null, null));
            awaitRows(service, "select count(*) from commitment_window");
            awaitRows(service, "select count(*) from promise_window");
            ValuingPromises sweeper = service.getBean(ValuingPromises.class);
            MovableBusinessClock.INSTANCE.advance(Duration.ofDays(1));
            int onTuesday = sweeper.sweep(); // the window closed; the visit may still be answered today

            MovableBusinessClock.INSTANCE.advance(Duration.ofDays(1));
            int onWednesday = sweeper.sweep();
            int again = sweeper.sweep();

            assertThat(List.of(onTuesday, onWednesday, again)).containsExactly(1, 1, 0);
            List<Object> history = service.getBean(EventStore.class).readEvents("visited", 0).asStream()
                    .map(EventMessage::getPayload).map(Object.class::cast).toList();
            assertThat(history.stream().map(e -> e.getClass().getSimpleName())).containsExactly("CustomerRegistered",
                    "OurCommitmentMade", "PromiseMade", "PromiseBroken", "OurCommitmentOutcomeRecorded", "PromiseExcused");
            OurCommitmentOutcomeRecorded missed = (OurCommitmentOutcomeRecorded) history.get(4);
            assertThat(missed.recordedBy()).isEqualTo(ValuedBy.SYSTEM);
            assertThat(missed.excusesUntil()).isEqualTo(LocalDate.of(2026, 6, 29));
        }
    }

    private static void awaitRows(ConfigurableApplicationContext service, String count) {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        Await.until("the schedule catching up: " + count, () -> jdbc.queryForObject(count, Long.class) > 0);
    }
}
