package com.promises.projections.schedule;

import com.promises.core.followup.EscalationStep;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.Reason;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given broken promises, the follow-ups they open suggest the step of the ladder (seed 003, DOMAIN.md rule 8). */
class FollowUpLadderTest {

    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
    }

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aSecondBreakNinetyBusinessDaysAfterTheFirstIsSoonEvenWhenItIsNinetyOneDaysLaterInUtc() {
        Events customer = new Events("ladder-zone");
        PromiseMade first = customer.promiseMade("P-1", "1000", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 20));
        PromiseMade second = customer.promiseMade("P-2", "1000", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20));
        // 1 January in Los Angeles; then 20:00 on 1 April there, which is already 2 April in UTC
        deliver(LOS_ANGELES, customer.customerId(), customer.registered(), first,
                customer.brokenAt(first, Instant.parse("2026-01-01T20:00:00Z")), second,
                customer.brokenAt(second, Instant.parse("2026-04-02T03:00:00Z")));

        assertThat(stepFor(customer.customerId(), "P-2")).isEqualTo(EscalationStep.VISIT_AND_WRITTEN_PLAN);
    }

    @Test
    void aFirstBreakInGoodFaithCallsForACallOrAMessage() {
        Events customer = new Events("ladder-first");
        PromiseMade promise = customer.promiseMade("P-1", "1000", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 20));
        deliver(ZoneId.of("UTC"), customer.customerId(), customer.registered(), promise,
                customer.brokenBecause(promise, Reason.CASH_FLOW, Instant.parse("2026-01-24T09:00:00Z")));

        assertThat(stepFor(customer.customerId(), "P-1")).isEqualTo(EscalationStep.CALL_OR_MESSAGE);
    }

    @Test
    void aSecondBreakMoreThanNinetyDaysLaterStartsTheLadderAgain() {
        Events customer = new Events("ladder-later");
        PromiseMade first = customer.promiseMade("P-1", "1000", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 20));
        PromiseMade second = customer.promiseMade("P-2", "1000", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20));
        deliver(ZoneId.of("UTC"), customer.customerId(), customer.registered(), first,
                customer.brokenAt(first, Instant.parse("2026-01-01T09:00:00Z")), second,
                customer.brokenAt(second, Instant.parse("2026-04-02T09:00:00Z")));

        assertThat(stepFor(customer.customerId(), "P-2")).isEqualTo(EscalationStep.CALL_OR_MESSAGE);
    }

    @Test
    void aRefusalGoesToLegalReview() {
        Events customer = new Events("ladder-refusal");
        PromiseMade promise = customer.promiseMade("P-1", "1000", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 20));
        deliver(ZoneId.of("UTC"), customer.customerId(), customer.registered(), promise,
                customer.brokenBecause(promise, Reason.REFUSES, Instant.parse("2026-01-24T09:00:00Z")));

        assertThat(stepFor(customer.customerId(), "P-1")).isEqualTo(EscalationStep.LEGAL_REVIEW);
    }

    @Test
    void theThirdBreakAmongTheLastFiveValuedPromisesMarksAHabitualBreakerForLegalReview() {
        Events customer = new Events("ladder-habitual");
        List<Object> history = new ArrayList<>(List.of(customer.registered()));
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (int i = 1; i <= 3; i++) { // four months apart, so no break is a second break soon after another
            PromiseMade promise = customer.promiseMade("P-" + i, "1000", day, day.plusDays(10));
            history.add(promise);
            history.add(customer.brokenAt(promise, Events.at(day.plusDays(14))));
            day = day.plusMonths(4);
        }
        deliver(ZoneId.of("UTC"), customer.customerId(), history.toArray());

        assertThat(stepFor(customer.customerId(), "P-2")).isEqualTo(EscalationStep.CALL_OR_MESSAGE);
        assertThat(stepFor(customer.customerId(), "P-3")).isEqualTo(EscalationStep.LEGAL_REVIEW);
    }

    private static void deliver(ZoneId zone, String customerId, Object... events) {
        feed.deliver(feed.record(customerId, events), ScheduleProjections.schedule(feed.jdbc(), zone));
    }

    private static EscalationStep stepFor(String customerId, String promiseId) {
        return feed.jdbc().queryForObject("select suggested_step from follow_up where customer_id = ? and promise_id = ?",
                (rs, n) -> EscalationStep.valueOf(rs.getString(1)), customerId, promiseId);
    }
}
