package com.promises.projections.audit;

import com.promises.core.account.CustomerRegistered;
import com.promises.core.money.Money;
import com.promises.core.promise.Channel;
import com.promises.core.promise.PromiseMade;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.summary.Projectors;
import com.promises.projections.summary.ScoringPolicies;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The books at a period end: each promise still owed, in the bucket of its own days past due, per currency. */
class AgingReportTest {

    private static final LocalDate PERIOD_END = LocalDate.of(2026, 7, 15);
    private static final Instant DURING = Instant.parse("2026-07-01T09:00:00Z");
    /** In the business zone (Shanghai, UTC+8) 16:30 UTC on the 15th is already the 16th: after the period. */
    private static final Instant JUST_AFTER = Instant.parse("2026-07-15T16:30:00Z");
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static AgingReport aging;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        aging = new AgingReport(feed.history(), Projectors.replay(feed.jdbc()),
                new BusinessCalendar(ZoneId.of("Asia/Shanghai")));
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void everyOwedPromiseInTheBucketOfItsOwnDaysPastDueAsTheBooksStood() {
        Events old = new Events("aging-old");
        PromiseMade long90 = old.promiseMade("P-1", "1000", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
        PromiseMade notYetDue = old.promiseMade("P-2", "300", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 20));
        feed.recordAt(DURING, old.customerId(), old.registered(), long90, notYetDue,
                old.paid("PAY-1", "P-2", "100", LocalDate.of(2026, 7, 1)));

        Events recent = new Events("aging-recent");
        PromiseMade fortnight = recent.promiseMade("P-1", "500", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
        PromiseMade disputed = recent.promiseMade("P-2", "700", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1));
        feed.recordAt(DURING, recent.customerId(), recent.registered(), fortnight, disputed,
                recent.disputed(disputed, LocalDate.of(2026, 6, 2)));
        // paid after the period closed: the books at its end still show it owed
        feed.recordAt(JUST_AFTER, recent.customerId(), recent.paid("PAY-1", "P-1", "500", LocalDate.of(2026, 7, 15)));

        Events settled = new Events("aging-settled");
        PromiseMade paid = settled.promiseMade("P-1", "50", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5));
        feed.recordAt(DURING, settled.customerId(), settled.registered(), paid,
                settled.paid("PAY-1", "P-1", "50", LocalDate.of(2026, 6, 5)));

        String dollars = "aging-dollars";
        feed.recordAt(DURING, dollars, new CustomerRegistered(dollars, "Dollar Ltd", "USD", DURING),
                usdPromise(dollars, "250.00", LocalDate.of(2026, 5, 31)));

        Events later = new Events("aging-later");
        feed.recordAt(JUST_AFTER, later.customerId(), later.registered(),
                later.promiseMade("P-1", "999", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)));

        AgingReport.Report report = aging.asOf(PERIOD_END);

        assertThat(report.asOf()).isEqualTo(PERIOD_END);
        assertThat(report.unreadableCustomers()).isNull();
        assertThat(report.currencies()).extracting(AgingReport.CurrencyTotals::currency).containsExactly("CNY", "USD");
        AgingReport.CurrencyTotals yuan = report.currencies().get(0);
        assertThat(amounts(yuan.buckets())).containsExactly(Map.entry("CURRENT", "200.00"), Map.entry("1-30", "500.00"),
                Map.entry("31-60", "0.00"), Map.entry("61-90", "0.00"), Map.entry("90+", "1000.00"));
        assertThat(yuan.customers()).isEqualTo(2);
        AgingReport.CurrencyTotals usd = report.currencies().get(1);
        assertThat(usd.buckets().get("31-60")).isEqualTo(Money.of("250.00", "USD"));
        assertThat(usd.customers()).isEqualTo(1);

        assertThat(aging.asOf(LocalDate.of(2026, 6, 30)).currencies()).isEmpty(); // nothing was recorded by then
    }

    @Test
    void whatWasRecordedAtTheFirstInstantOfTheNextDayIsLeftOutAndTheServicesOwnStreamIsNoCustomer() {
        try (EventFeed edges = new EventFeed(ReadModelDatabase.fresh())) {
            AgingReport report = new AgingReport(edges.history(), Projectors.replay(edges.jdbc()),
                    new BusinessCalendar(ZoneId.of("Asia/Shanghai")));
            // midnight of the 16th in Shanghai, and a millisecond before it
            Instant nextDay = Instant.parse("2026-07-15T16:00:00Z");
            Events inTime = new Events("edge-in-time");
            edges.recordAt(nextDay.minusMillis(1), inTime.customerId(), inTime.registered(),
                    inTime.promiseMade("P-1", "120", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 14)));
            Events tooLate = new Events("edge-too-late");
            edges.recordAt(nextDay, tooLate.customerId(), tooLate.registered(),
                    tooLate.promiseMade("P-1", "999", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 14)));
            new PolicyTimeline(edges.history(), ScoringPolicies.v1(), edges.transactions()).recordStart("host-a/1", "start-1");
            edges.axonTransactions().executeInTransaction(() -> edges.storage().appendEvents(
                    List.of(GenericEventMessage.asEventMessage(new Events("outside").registered()))));

            AgingReport.Report asOf = report.asOf(PERIOD_END);

            assertThat(asOf.currencies()).singleElement().satisfies(yuan -> {
                assertThat(yuan.currency()).isEqualTo("CNY");
                // 31 days past due on 15 July
                assertThat(amounts(yuan.buckets())).containsExactly(Map.entry("CURRENT", "0.00"), Map.entry("1-30", "0.00"),
                        Map.entry("31-60", "120.00"), Map.entry("61-90", "0.00"), Map.entry("90+", "0.00"));
                assertThat(yuan.customers()).isEqualTo(1);
            });
            assertThat(asOf.unreadableCustomers()).isNull();
            assertThat(report.asOf(PERIOD_END.plusDays(1)).currencies().get(0).buckets().get("31-60").amount())
                    .isEqualByComparingTo("1119.00");
        }
    }

    @Test
    void aCustomerWhoseEventsCannotBeReadIsNamedAndLeftOutOfTheTotals() {
        try (EventFeed damaged = new EventFeed(ReadModelDatabase.fresh())) {
            AgingReport report = new AgingReport(damaged.history(), Projectors.replay(damaged.jdbc()),
                    new BusinessCalendar(ZoneId.of("UTC")));
            Events readable = new Events("readable");
            damaged.recordAt(DURING, readable.customerId(), readable.registered(),
                    readable.promiseMade("P-1", "300", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10)),
                    readable.promiseMade("P-2", "200", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 12)));
            Events unreadable = new Events("unreadable");
            damaged.recordAt(DURING, unreadable.customerId(), unreadable.registered(),
                    unreadable.promiseMade("P-1", "700", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10)));
            damaged.jdbc().update("update domainevententry set payload = convert_to('{\"amount\": [', 'UTF8') "
                    + "where aggregateidentifier = 'unreadable' and sequencenumber = 1");

            AgingReport.Report asOf = report.asOf(PERIOD_END);

            assertThat(asOf.unreadableCustomers()).containsExactly("unreadable");
            assertThat(asOf.currencies()).singleElement().satisfies(yuan -> {
                // one customer, two promises 5 and 3 days past due
                assertThat(yuan.buckets().get("1-30").amount()).isEqualByComparingTo("500.00");
                assertThat(yuan.customers()).isEqualTo(1);
            });
        }
    }

    @Test
    void moreCustomersThanTheWorkersKeepQueuedAreAllSummed() {
        try (EventFeed many = new EventFeed(ReadModelDatabase.fresh())) {
            AgingReport report = new AgingReport(many.history(), Projectors.replay(many.jdbc()),
                    new BusinessCalendar(ZoneId.of("UTC")));
            int customers = 40; // more than the at most sixteen handed over and not yet summed
            for (int i = 0; i < customers; i++) {
                Events customer = new Events("many-" + i);
                many.recordAt(DURING, customer.customerId(), customer.registered(),
                        customer.promiseMade("P-1", "10", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10)));
            }

            AgingReport.Report asOf = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> report.asOf(PERIOD_END));

            assertThat(asOf.currencies()).singleElement().satisfies(yuan -> {
                assertThat(yuan.customers()).isEqualTo(customers);
                assertThat(yuan.buckets().get("1-30").amount()).isEqualByComparingTo("400.00");
            });
        }
    }

    private static List<Map.Entry<String, String>> amounts(Map<String, Money> buckets) {
        return buckets.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().amount().toPlainString())).toList();
    }

    private static PromiseMade usdPromise(String customerId, String amount, LocalDate due) {
        return new PromiseMade(customerId, "P-1", Money.of(amount, "USD"), due.minusDays(10), due, 3, due.plusDays(3),
                Channel.EMAIL, true, null, null, null, null, 1, Money.zero("USD"), List.of(), DURING);
    }
}
