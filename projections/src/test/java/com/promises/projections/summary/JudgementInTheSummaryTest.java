package com.promises.projections.summary;

import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.risk.Advice;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.Risk;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector's judgement in the summary read model: the latest reason and faith of each promise, promises judged
 * again after a reversal, excused ones, the customer's risk and our own commitments, each as the stored summary and
 * as a replay of the history in memory shows it alike.
 */
class JudgementInTheSummaryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate MADE = LocalDate.of(2026, 5, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 5, 10);
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static CustomerViewStore store;
    private static CustomerSummaries summaries;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        store = Projectors.store(feed.jdbc());
        summaries = new CustomerSummaries(new NamedParameterJdbcTemplate(feed.jdbc()),
                Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), new BusinessCalendar(ZoneId.of("UTC")),
                () -> false, store, new CustomerViewReplay(store), feed.history(), feed.transactions());
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aBreakTheClockJudgedShowsTheLatestExplanationAndScoresARefusalDouble() {
        Events customer = new Events("summary-explained");
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        deliver(customer, customer.registered(), promise, customer.brokenAt(promise, Instant.parse("2026-05-14T09:00:00Z")),
                customer.explained(promise, PromiseState.BROKEN, Reason.CASH_FLOW, LocalDate.of(2026, 5, 20)));
        CustomerSummary explainedOnce = summaries.get(customer.customerId());

        deliver(customer, customer.explained(promise, PromiseState.BROKEN, Reason.REFUSES, LocalDate.of(2026, 5, 25)));
        CustomerSummary explainedAgain = summaries.get(customer.customerId());

        assertThat(explainedOnce.reliability().score()).isEqualByComparingTo("40.0"); // 100 x 2 / (4 + 1)
        assertThat(explainedAgain.reliability().score()).isEqualByComparingTo("33.3"); // 100 x 2 / (4 + 2)
        assertThat(explainedAgain.promises()).singleElement().satisfies(line -> {
            assertThat(line.reason()).isEqualTo(Reason.REFUSES);
            assertThat(line.faith()).isEqualTo(Faith.BAD);
            assertThat(line.excused()).isFalse();
        });
        assertSameAsReplayed(customer);
    }

    @Test
    void aReversedPaymentIsTakenOffItsPromiseWhichShowsItsJudgementAgain() {
        Events customer = new Events("summary-reversed");
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        PaymentRecorded payment = customer.paid("PAY-1", "P-1", "1000", DUE);
        deliver(customer, customer.registered(), promise, payment, customer.kept(promise, DUE),
                customer.reversed(payment, TODAY), customer.rejudged(promise, PromiseState.KEPT, PromiseState.BROKEN, "0", TODAY));

        CustomerSummary summary = summaries.get(customer.customerId());

        assertThat(summary.promises()).singleElement().satisfies(line -> {
            assertThat(line.state()).isEqualTo(PromiseState.BROKEN);
            assertThat(line.paid().amount()).isEqualByComparingTo("0");
        });
        assertThat(summary.reliability().score()).isEqualByComparingTo("40.0");
        assertThat(List.of(summary.reliability().kept(), summary.reliability().broken())).containsExactly(0, 1);
        assertThat(summary.overdue().overdueAmount().amount()).isEqualByComparingTo("1000");
        assertSameAsReplayed(customer);
    }

    @Test
    void anExcusedBreakIsMarkedAndWeighsNothing() {
        Events customer = new Events("summary-excused");
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        var visit = customer.commitmentMade("C-1", DUE.plusDays(1));
        deliver(customer, customer.registered(), promise, visit, customer.missed(visit),
                customer.brokenAt(promise, Instant.parse("2026-05-14T09:00:00Z")), customer.excused(promise, DUE.plusDays(1), DUE.plusDays(4)));

        CustomerSummary summary = summaries.get(customer.customerId());

        assertThat(summary.promises()).singleElement().satisfies(line -> {
            assertThat(line.state()).isEqualTo(PromiseState.BROKEN);
            assertThat(line.excused()).isTrue();
        });
        assertThat(summary.reliability().score()).isEqualByComparingTo("50.0");
        assertThat(summary.ourCommitments()).isEqualTo(new CustomerSummary.OurCommitments(0, 1));
        assertSameAsReplayed(customer);
    }

    @Test
    void theRiskShowsTheSituationSinceItBeganWithItsAdviceAndOurOpenCommitments() {
        Events customer = new Events("summary-risk");
        deliver(customer, customer.registered(), customer.commitmentMade("C-1", TODAY.plusDays(2)),
                customer.situation(FinancialSituation.FROZEN_ACCOUNTS, "bank froze them", LocalDate.of(2026, 6, 1)),
                customer.situation(FinancialSituation.FROZEN_ACCOUNTS, "still frozen", LocalDate.of(2026, 6, 10)));
        CustomerSummary frozen = summaries.get(customer.customerId());

        deliver(customer, customer.situation(FinancialSituation.RECOVERED, null, TODAY));
        CustomerSummary recovered = summaries.get(customer.customerId());

        assertThat(frozen.risk()).isEqualTo(new Risk(FinancialSituation.FROZEN_ACCOUNTS, LocalDate.of(2026, 6, 1), true,
                Advice.NO_GOODS_ON_CREDIT));
        assertThat(frozen.ourCommitments()).isEqualTo(new CustomerSummary.OurCommitments(1, 0));
        assertThat(recovered.risk()).isEqualTo(new Risk(FinancialSituation.RECOVERED, TODAY, false, Advice.REMIND_TO_PAY));
        assertSameAsReplayed(customer);
    }

    @Test
    void theWorklistFiltersCustomersOnACreditHold() {
        Events held = new Events("worklist-held");
        Events free = new Events("worklist-free");
        deliver(held, held.registered(), held.situation(FinancialSituation.FUNDS_ELSEWHERE, null, TODAY));
        deliver(free, free.registered(), free.situation(FinancialSituation.CHAIN_DEBT, null, TODAY));

        List<String> onHold = ids(summaries.worklist(null, null, true, CustomerSummaries.Sort.SCORE, 0, 200));
        List<String> notOnHold = ids(summaries.worklist(null, null, false, CustomerSummaries.Sort.SCORE, 0, 200));

        assertThat(onHold).contains("worklist-held").doesNotContain("worklist-free");
        assertThat(notOnHold).contains("worklist-free").doesNotContain("worklist-held");
        assertThat(summaries.worklist(null, null, true, CustomerSummaries.Sort.SCORE, 0, 200).total()).isEqualTo(onHold.size());
        assertThat(summaries.worklist(null, null, true, CustomerSummaries.Sort.SCORE, 0, 200).items())
                .allSatisfy(row -> assertThat(row.risk().creditHold()).isTrue());
    }

    private static List<String> ids(CustomerSummaries.Page page) {
        return page.items().stream().map(CustomerSummary::customerId).toList();
    }

    private static final java.util.Map<String, List<DomainEventMessage<?>>> recorded = new java.util.concurrent.ConcurrentHashMap<>();

    private static void deliver(Events customer, Object... events) {
        List<DomainEventMessage<?>> messages = feed.record(customer.customerId(), events);
        recorded.computeIfAbsent(customer.customerId(), k -> new ArrayList<>()).addAll(messages);
        feed.deliver(messages, Projectors.summary(feed.jdbc()));
    }

    /** The stored summary and one replayed in memory from the history through the projection's own handlers agree. */
    private static void assertSameAsReplayed(Events customer) {
        CustomerSummary replayed = summaries.summarize(new CustomerViewReplay(store).replay(customer.customerId(),
                recorded.get(customer.customerId())));
        assertThat(summaries.get(customer.customerId())).isEqualTo(replayed);
    }
}
