package com.promises.projections.summary;

import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseState;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Overdue status is computed twice: in SQL over the stored summary (the summary read and the worklist's filter and
 * sort) and in Java over a view (read-your-writes and the auditor's verify, by core's OverdueStanding). Over a table
 * of cases both give the expected status, days and bucket, and the same overdue amount and next due date.
 */
class OverdueInSqlAndJavaTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static CustomerViewStore store;
    private static CustomerViewReplay replay;
    private static CustomerSummaries summaries;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        store = Projectors.store(feed.jdbc());
        replay = new CustomerViewReplay(store);
        summaries = new CustomerSummaries(new NamedParameterJdbcTemplate(feed.jdbc()),
                Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), new BusinessCalendar(ZoneId.of("UTC")),
                () -> false, store, replay, feed.history(), feed.transactions());
    }

    private static final AtomicInteger customers = new AtomicInteger();

    /** One promise of the case: its due date as days from today, the amount, what was paid, and how it stands. */
    record Owing(int dueInDays, String amount, String paid, PromiseState state) {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nothing promised", List.of(), "CURRENT", 0, "CURRENT"),
                arguments("due in ten days", List.of(open(10)), "CURRENT", 0, "CURRENT"),
                arguments("due in four days", List.of(open(4)), "CURRENT", 0, "CURRENT"),
                arguments("due in three days", List.of(open(3)), "DUE_SOON", 0, "CURRENT"),
                arguments("due today", List.of(open(0)), "DUE_SOON", 0, "CURRENT"),
                arguments("due yesterday", List.of(open(-1)), "IN_GRACE", 1, "1-30"),
                arguments("the window closes today", List.of(open(-3)), "IN_GRACE", 3, "1-30"),
                arguments("the window closed yesterday", List.of(open(-4)), "OVERDUE", 4, "1-30"),
                arguments("broken, 30 days", List.of(broken(-30)), "OVERDUE", 30, "1-30"),
                arguments("broken, 31 days", List.of(broken(-31)), "OVERDUE", 31, "31-60"),
                arguments("broken, 60 days", List.of(broken(-60)), "OVERDUE", 60, "31-60"),
                arguments("broken, 61 days", List.of(broken(-61)), "OVERDUE", 61, "61-90"),
                arguments("broken, 90 days", List.of(broken(-90)), "OVERDUE", 90, "61-90"),
                arguments("broken, 91 days", List.of(broken(-91)), "OVERDUE", 91, "90+"),
                arguments("disputed", List.of(new Owing(10, "800", "0", PromiseState.DISPUTED)), "DISPUTED", 0, "CURRENT"),
                arguments("disputed and due yesterday", List.of(new Owing(10, "800", "0", PromiseState.DISPUTED), open(-1)),
                        "IN_GRACE", 1, "1-30"),
                arguments("disputed and due soon", List.of(new Owing(-20, "800", "0", PromiseState.DISPUTED), open(2)),
                        "DISPUTED", 0, "CURRENT"),
                arguments("kept long ago", List.of(new Owing(-40, "500", "500", PromiseState.KEPT)), "CURRENT", 0, "CURRENT"),
                arguments("partly kept", List.of(new Owing(-40, "500", "200", PromiseState.PARTIALLY_KEPT)), "OVERDUE", 40, "31-60"),
                arguments("partly paid, in grace", List.of(new Owing(-2, "500", "450", PromiseState.OPEN)), "IN_GRACE", 2, "1-30"),
                arguments("cancelled", List.of(new Owing(-50, "500", "0", PromiseState.CANCELLED)), "CURRENT", 0, "CURRENT"),
                arguments("broken long ago and another due soon", List.of(broken(-45), open(2), open(30)), "OVERDUE", 45, "31-60"));
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theStoredSummaryAndAReplayAgreeOnHowLateTheCustomerIs(String name, List<Owing> promises, String status,
                                                               long days, String bucket) {
        String customerId = "overdue-" + customers.incrementAndGet();
        feed.deliver(feed.record(customerId, history(new Events(customerId), promises)), Projectors.summary(feed.jdbc()));

        Overdue stored = summaries.get(customerId).overdue();
        Overdue replayed = summaries.summarize(replay.replay(customerId, feed.history().events(customerId, 0))).overdue();

        assertThat(stored).isEqualTo(replayed);
        assertThat(stored.status()).isEqualTo(status);
        assertThat(stored.daysOverdue()).isEqualTo(days);
        assertThat(stored.agingBucket()).isEqualTo(bucket);
        for (String anyStatus : List.of("CURRENT", "DUE_SOON", "IN_GRACE", "OVERDUE", "DISPUTED")) {
            List<String> listed = summaries.worklist(anyStatus, null, CustomerSummaries.Sort.DAYS_OVERDUE, 0, 200).items()
                    .stream().map(CustomerSummary::customerId).toList();
            assertThat(listed.contains(customerId)).as("worklist filtered by " + anyStatus).isEqualTo(anyStatus.equals(status));
        }
    }

    private static Object[] history(Events customer, List<Owing> promises) {
        List<Object> events = new ArrayList<>(List.of(customer.registered()));
        int n = 0;
        for (Owing owing : promises) {
            String id = "P-" + (++n);
            LocalDate due = TODAY.plusDays(owing.dueInDays());
            PromiseMade made = customer.promiseMade(id, owing.amount(), due.minusDays(60), due);
            events.add(made);
            if (!owing.paid().equals("0")) {
                events.add(customer.paid("PAY-" + n, id, owing.paid(), due.minusDays(1)));
            }
            switch (owing.state()) {
                case KEPT -> events.add(customer.kept(made, due.minusDays(1)));
                case PARTIALLY_KEPT -> events.add(customer.partiallyKept(made, owing.paid()));
                case BROKEN -> events.add(customer.brokenAt(made, Events.at(made.windowClosesOn().plusDays(1))));
                case DISPUTED -> events.add(customer.disputed(made, due.minusDays(5)));
                case CANCELLED -> events.add(customer.cancelled(made, due.minusDays(5)));
                default -> { }
            }
        }
        return events.toArray();
    }

    private static Owing open(int dueInDays) {
        return new Owing(dueInDays, "1000", "0", PromiseState.OPEN);
    }

    private static Owing broken(int dueInDays) {
        return new Owing(dueInDays, "1000", "0", PromiseState.BROKEN);
    }
}
