package com.promises.projections.schedule;

import com.promises.core.followup.EscalationStep;
import com.promises.core.followup.StepTaken;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.Channel;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.projections.summary.Projectors;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import com.promises.projections.testing.ReadModelTables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups kept to the ladder in proportion (DOMAIN.md rules 4, 7, 8 and 9): the latest explanation's faith, the
 * amount still owed, the steps taken, partial payments, excuses and judgements again; and our commitments waiting
 * for the service to judge them.
 */
class JudgedFollowUpsTest {

    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static PromiseSchedule schedule;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        schedule = new PromiseSchedule(feed.jdbc(), new ReminderTiers(List.of(), 7),
                new TransactionTemplate(feed.transactions()));
    }

    private static final LocalDate MADE = LocalDate.of(2026, 5, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 5, 10);
    private static final Instant CLOSED = Instant.parse("2026-05-14T09:00:00Z");

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aBreakTheClockJudgedAndLaterExplainedAsARefusalGoesToLegalReview() {
        Events customer = new Events("follow-explained");
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        deliver(customer, customer.registered(), promise, customer.brokenAt(promise, CLOSED));
        EscalationStep before = followUp(customer, "P-1").suggestedStep();

        deliver(customer, customer.explained(promise, PromiseState.BROKEN, Reason.REFUSES, LocalDate.of(2026, 5, 20)));

        assertThat(before).isEqualTo(EscalationStep.CALL_OR_MESSAGE);
        assertThat(followUp(customer, "P-1").suggestedStep()).isEqualTo(EscalationStep.LEGAL_REVIEW);
        assertThat(followUp(customer, "P-1").severity()).isEqualTo(30);
    }

    @Test
    void aPartlyKeptPromiseOpensAFollowUpForEverythingItStillOwes() {
        Events customer = new Events("follow-partly");
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        // 400 inside the window, 100 after it but before the service judged it: 500 still owed
        deliver(customer, customer.registered(), promise, customer.paid("PAY-1", "P-1", "400", DUE),
                customer.paid("PAY-2", "P-1", "100", DUE.plusDays(4)), customer.partiallyKept(promise, "400"));

        assertThat(stillOwed(customer, "P-1")).isEqualByComparingTo("500");
        assertThat(followUp(customer, "P-1").suggestedStep()).isEqualTo(EscalationStep.CALL_OR_MESSAGE);

        deliver(customer, customer.paid("PAY-3", "P-1", "500", LocalDate.of(2026, 5, 20)));
        assertThat(openFollowUps(customer)).isEmpty();
    }

    @Test
    void aNewVerbalPromiseClosesOnlyACallOrAMessageAndAWrittenOneClosesTheRest() {
        Events customer = new Events("follow-new-promise");
        PromiseMade small = customer.promiseMade("P-1", "1000", MADE, DUE);
        PromiseMade refused = customer.promiseMade("P-2", "1000", MADE, DUE);
        deliver(customer, customer.registered(), small, refused, customer.brokenAt(small, CLOSED),
                customer.brokenBecause(refused, Reason.REFUSES, CLOSED));
        assertThat(openFollowUps(customer)).containsOnlyKeys("P-1", "P-2");

        deliver(customer, customer.promiseMade("P-3", "500", LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 30)));
        assertThat(openFollowUps(customer)).containsOnlyKeys("P-2");

        PromiseMade written = new PromiseMade(customer.customerId(), "P-4", Events.cny("500"), LocalDate.of(2026, 5, 21),
                LocalDate.of(2026, 7, 30), 3, LocalDate.of(2026, 8, 2), Channel.VISIT, true, "PLAN-9", null, null, null, 1,
                Events.cny("0"), List.of(), Events.at(LocalDate.of(2026, 5, 21)));
        deliver(customer, written);
        assertThat(openFollowUps(customer)).isEmpty();
        assertThat(closedBecause(customer, "P-1")).isEqualTo("NEW_PROMISE");
        assertThat(closedBecause(customer, "P-2")).isEqualTo("NEW_PROMISE");
    }

    @Test
    void aStepTakenShowsAndMovesTheSuggestionUpTheLadderAndAWrittenPlanAnswersIt() {
        Events customer = new Events("follow-steps");
        PromiseMade first = customer.promiseMade("P-1", "1000", MADE, DUE);
        PromiseMade second = customer.promiseMade("P-2", "1000", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 10));
        deliver(customer, customer.registered(), second, customer.brokenAt(second, Instant.parse("2025-01-14T09:00:00Z")),
                first, customer.brokenAt(first, CLOSED));
        assertThat(openFollowUps(customer)).containsOnlyKeys("P-1"); // P-1's promise answered P-2's call

        deliver(customer, customer.stepTaken(StepTaken.PHONE, first, LocalDate.of(2026, 5, 15)));
        PromiseSchedule.FollowUp afterTheCall = followUp(customer, "P-1");
        deliver(customer, customer.stepTaken(StepTaken.VISIT, null, LocalDate.of(2026, 5, 20)));
        PromiseSchedule.FollowUp afterTheVisit = followUp(customer, "P-1");
        deliver(customer, customer.stepTaken(StepTaken.WRITTEN_PLAN, first, LocalDate.of(2026, 5, 22)));

        assertThat(afterTheCall.lastStepTaken()).isEqualTo(StepTaken.PHONE);
        assertThat(afterTheCall.suggestedStep()).isEqualTo(EscalationStep.VISIT_AND_WRITTEN_PLAN);
        assertThat(afterTheVisit.lastStepTaken()).isEqualTo(StepTaken.VISIT);
        assertThat(afterTheVisit.suggestedStep()).isEqualTo(EscalationStep.LEGAL_REVIEW);
        assertThat(openFollowUps(customer)).isEmpty();
        assertThat(closedBecause(customer, "P-1")).isEqualTo("WRITTEN_PLAN");
    }

    @Test
    void aLargerSumStillOwedIsMoreSeriousOnTheSameStepAndALargeOneCallsForAVisit() {
        Events small = new Events("follow-small");
        Events large = new Events("follow-large");
        Events huge = new Events("follow-huge");
        PromiseMade smallPromise = small.promiseMade("P-1", "800", MADE, DUE);
        PromiseMade largePromise = large.promiseMade("P-1", "20000", MADE, DUE);
        PromiseMade hugePromise = huge.promiseMade("P-1", "80000", MADE, DUE);
        deliver(small, small.registered(), smallPromise, small.brokenAt(smallPromise, CLOSED));
        deliver(large, large.registered(), largePromise, large.brokenAt(largePromise, CLOSED));
        deliver(huge, huge.registered(), hugePromise, huge.brokenAt(hugePromise, CLOSED));

        List<String> order = schedule.openFollowUps().stream().map(PromiseSchedule.FollowUp::customerId)
                .filter(id -> id.startsWith("follow-small") || id.startsWith("follow-large") || id.startsWith("follow-huge"))
                .toList();

        assertThat(order).containsExactly("follow-huge", "follow-large", "follow-small");
        assertThat(followUp(huge, "P-1").suggestedStep()).isEqualTo(EscalationStep.VISIT_AND_WRITTEN_PLAN);
        assertThat(List.of(followUp(small, "P-1").severity(), followUp(large, "P-1").severity(), followUp(huge, "P-1").severity()))
                .containsExactly(10, 11, 22);
    }

    @Test
    void anExcusedBreakLeavesNoOpenFollowUp() {
        Events customer = new Events("follow-excused");
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        deliver(customer, customer.registered(), promise, customer.brokenAt(promise, CLOSED),
                customer.excused(promise, DUE, DUE.plusDays(4)));

        assertThat(openFollowUps(customer)).isEmpty();
        assertThat(closedBecause(customer, "P-1")).isEqualTo("EXCUSED");
    }

    @Test
    void aReversalThatBreaksAKeptPromiseFollowsItUpAndOneThatReopensItPutsItsWindowBack() {
        Events customer = new Events("follow-reversed");
        PromiseMade closed = customer.promiseMade("P-1", "1000", MADE, DUE);
        PromiseMade stillOpen = customer.promiseMade("P-2", "300", MADE, LocalDate.of(2026, 7, 1));
        PaymentRecorded paid = customer.paid("PAY-1", "P-1", "1000", DUE);
        PaymentRecorded paidEarly = customer.paid("PAY-2", "P-2", "300", DUE);
        deliver(customer, customer.registered(), closed, stillOpen, paid, customer.kept(closed, DUE), paidEarly,
                customer.kept(stillOpen, DUE));
        assertThat(windows(customer)).isZero();

        deliver(customer, customer.reversed(paid, LocalDate.of(2026, 6, 1)),
                customer.rejudged(closed, PromiseState.KEPT, PromiseState.BROKEN, "0", LocalDate.of(2026, 6, 1)),
                customer.reversed(paidEarly, LocalDate.of(2026, 6, 1)),
                customer.rejudged(stillOpen, PromiseState.KEPT, PromiseState.OPEN, "0", LocalDate.of(2026, 6, 1)));

        assertThat(stillOwed(customer, "P-1")).isEqualByComparingTo("1000");
        assertThat(openFollowUps(customer)).containsOnlyKeys("P-1");
        assertThat(windows(customer)).isEqualTo(1);
    }

    @Test
    void ourCommitmentsWaitForTheirAnswerAndTheServiceClaimsThoseNobodyAnswered() {
        Events customer = new Events("follow-commitments");
        var answered = customer.commitmentMade("C-1", LocalDate.of(2026, 6, 10));
        var unanswered = customer.commitmentMade("C-2", LocalDate.of(2026, 6, 10));
        deliver(customer, customer.registered(), answered, unanswered, customer.missed(answered));
        Instant now = Instant.parse("2026-06-12T09:00:00Z");

        List<PromiseSchedule.UnansweredCommitment> onTheDeadline = mine(customer,
                schedule.claimUnansweredCommitments(LocalDate.of(2026, 6, 11), 100, now, Duration.ofMinutes(5)));
        List<PromiseSchedule.UnansweredCommitment> after = mine(customer,
                schedule.claimUnansweredCommitments(LocalDate.of(2026, 6, 12), 100, now, Duration.ofMinutes(5)));
        List<PromiseSchedule.UnansweredCommitment> claimedAlready = mine(customer,
                schedule.claimUnansweredCommitments(LocalDate.of(2026, 6, 12), 100, now, Duration.ofMinutes(5)));

        assertThat(onTheDeadline).isEmpty();
        assertThat(after).containsExactly(new PromiseSchedule.UnansweredCommitment(customer.customerId(), "C-2"));
        assertThat(claimedAlready).isEmpty();
    }

    @Test
    void theJudgementsEventsDeliveredAgainChangeNoReadModelRow() {
        Object[] readModels = Projectors.both(feed.jdbc(), ZoneId.of("UTC"));
        Events customer = new Events("follow-again");
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        PaymentRecorded paid = customer.paid("PAY-1", "P-1", "400", DUE);
        var visit = customer.commitmentMade("C-1", DUE);
        List<DomainEventMessage<?>> history = new ArrayList<>(feed.record(customer.customerId(), customer.registered(),
                promise, paid, visit, customer.partiallyKept(promise, "400"),
                customer.explained(promise, PromiseState.PARTIALLY_KEPT, Reason.CASH_FLOW, DUE.plusDays(5)),
                customer.stepTaken(StepTaken.EMAIL, promise, DUE.plusDays(6)),
                customer.situation(com.promises.core.risk.FinancialSituation.TEMPORARY_SHORTAGE, null, DUE.plusDays(6)),
                customer.reversed(paid, DUE.plusDays(7)),
                customer.rejudged(promise, PromiseState.PARTIALLY_KEPT, PromiseState.BROKEN, "0", DUE.plusDays(7)),
                customer.missed(visit), customer.excused(promise, DUE, DUE.plusDays(8))));
        feed.deliver(history, readModels);
        String once = ReadModelTables.fingerprint(feed.jdbc());

        feed.deliver(history.subList(history.size() - 5, history.size()), readModels);
        feed.deliver(history, readModels);

        assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(once);
        assertThat(closedBecause(customer, "P-1")).isEqualTo("EXCUSED");
    }

    private static List<PromiseSchedule.UnansweredCommitment> mine(Events customer, List<PromiseSchedule.UnansweredCommitment> all) {
        return all.stream().filter(c -> c.customerId().equals(customer.customerId())).toList();
    }

    private static void deliver(Events customer, Object... events) {
        feed.deliver(feed.record(customer.customerId(), events), ScheduleProjections.schedule(feed.jdbc(), ZoneId.of("UTC")));
    }

    private static PromiseSchedule.FollowUp followUp(Events customer, String promiseId) {
        return schedule.openFollowUps().stream()
                .filter(f -> f.customerId().equals(customer.customerId()) && f.promiseId().equals(promiseId))
                .findFirst().orElseThrow(() -> new AssertionError("no open follow-up of " + promiseId));
    }

    private static Map<String, PromiseSchedule.FollowUp> openFollowUps(Events customer) {
        Map<String, PromiseSchedule.FollowUp> open = new java.util.TreeMap<>();
        schedule.openFollowUps().stream().filter(f -> f.customerId().equals(customer.customerId()))
                .forEach(f -> open.put(f.promiseId(), f));
        return open;
    }

    private static BigDecimal stillOwed(Events customer, String promiseId) {
        return feed.jdbc().queryForObject("select still_owed from follow_up where customer_id = ? and promise_id = ? "
                + "and closed_at is null", BigDecimal.class, customer.customerId(), promiseId);
    }

    private static String closedBecause(Events customer, String promiseId) {
        return feed.jdbc().queryForObject("select closed_because from follow_up where customer_id = ? and promise_id = ? "
                + "order by opened_at desc limit 1", String.class, customer.customerId(), promiseId);
    }

    private static long windows(Events customer) {
        return feed.jdbc().queryForObject("select count(*) from promise_window where customer_id = ?", Long.class,
                customer.customerId());
    }
}
