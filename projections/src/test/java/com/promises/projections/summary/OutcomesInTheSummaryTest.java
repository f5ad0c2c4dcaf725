package com.promises.projections.summary;

import com.promises.core.dispute.DisputeResolved;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.payment.ReversalReason;
import com.promises.core.promise.Channel;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseRenegotiated;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.Reason;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.promises.projections.testing.Events.cny;
import static org.assertj.core.api.Assertions.assertThat;

/** Each outcome a promise can come to shows in the stored summary: its line's state and money, and the score's counts. */
class OutcomesInTheSummaryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate MADE = LocalDate.of(2026, 5, 1);
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static CustomerSummaries summaries;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        summaries = Projectors.summaries(feed, TODAY, new BusinessCalendar(ZoneId.of("UTC")));
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aPartlyKeptPromiseCountsAsSuchAndOwesItsRest() {
        Events customer = new Events("outcome-partial");
        PromiseMade promise = customer.promiseMade("P-1", "500", MADE, LocalDate.of(2026, 5, 10));
        deliver(customer, customer.registered(), promise, customer.paid("PAY-1", "P-1", "200", LocalDate.of(2026, 5, 9)),
                customer.partiallyKept(promise, "200"));

        CustomerSummary summary = summaries.get(customer.customerId());

        assertThat(summary.promises()).singleElement().satisfies(line -> {
            assertThat(line.state()).isEqualTo(PromiseState.PARTIALLY_KEPT);
            assertThat(line.paid().amount()).isEqualByComparingTo("200");
        });
        assertThat(summary.reliability().partiallyKept()).isEqualTo(1);
        assertThat(summary.reliability().kept()).isZero();
        assertThat(storedScore(customer)).isNotEqualByComparingTo("50.0"); // a judgement moved it from the prior
        assertThat(summary.reliability().score()).isEqualByComparingTo(storedScore(customer));
    }

    @Test
    void aRenegotiatedPromiseCountsAsSuchAndTheNewOneIsOwed() {
        Events customer = new Events("outcome-renegotiated");
        PromiseMade promise = customer.promiseMade("P-1", "500", MADE, LocalDate.of(2026, 5, 10));
        PromiseMade replacement = customer.promiseMade("P-2", "500", LocalDate.of(2026, 5, 8), LocalDate.of(2026, 7, 10));
        deliver(customer, customer.registered(), promise,
                new PromiseRenegotiated(customer.customerId(), "P-1", cny("500"), cny("0"), promise.dueDate(), "P-2", cny("500"),
                        replacement.dueDate(), 2, true, Reason.CASH_FLOW, null, LocalDate.of(2026, 5, 8), Events.at(LocalDate.of(2026, 5, 8))),
                replacement);

        CustomerSummary summary = summaries.get(customer.customerId());

        assertThat(summary.promises()).extracting(CustomerSummary.PromiseLine::state)
                .containsExactly(PromiseState.RENEGOTIATED, PromiseState.OPEN);
        assertThat(summary.reliability().renegotiated()).isEqualTo(1);
        assertThat(summary.overdue().nextDueDate()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(summary.overdue().overdueAmount().amount()).isEqualByComparingTo("0");
    }

    @Test
    void aDisputeRejectedReopensThePromiseWithItsNewDatesAndAnUpheldOneEndsIt() {
        Events rejected = new Events("outcome-dispute-rejected");
        PromiseMade owed = rejected.promiseMade("P-1", "300", MADE, LocalDate.of(2026, 5, 10));
        deliver(rejected, rejected.registered(), owed, rejected.disputed(owed, LocalDate.of(2026, 5, 9)),
                new DisputeResolved(rejected.customerId(), "P-1", false, "delivered as agreed", LocalDate.of(2026, 6, 1), 23,
                        LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 5), Events.at(LocalDate.of(2026, 6, 1))));
        Events upheld = new Events("outcome-dispute-upheld");
        PromiseMade contested = upheld.promiseMade("P-1", "300", MADE, LocalDate.of(2026, 5, 10));
        deliver(upheld, upheld.registered(), contested, upheld.disputed(contested, LocalDate.of(2026, 5, 9)),
                new DisputeResolved(upheld.customerId(), "P-1", true, "our error", LocalDate.of(2026, 6, 1), 23,
                        LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 5), Events.at(LocalDate.of(2026, 6, 1))));

        CustomerSummary reopened = summaries.get(rejected.customerId());
        CustomerSummary ended = summaries.get(upheld.customerId());

        assertThat(reopened.promises()).singleElement().satisfies(line -> {
            assertThat(line.state()).isEqualTo(PromiseState.OPEN);
            assertThat(line.dueDate()).isEqualTo(LocalDate.of(2026, 6, 2));
        });
        assertThat(reopened.overdue().status()).isEqualTo("OVERDUE"); // its new window closed on 5 June
        assertThat(reopened.overdue().daysOverdue()).isEqualTo(13);
        assertThat(reopened.overdue().overdueAmount().amount()).isEqualByComparingTo("300");
        assertThat(ended.promises()).singleElement().satisfies(line ->
                assertThat(line.state()).isEqualTo(PromiseState.afterDispute(true)));
        assertThat(ended.overdue().overdueAmount().amount()).isEqualByComparingTo("0");
        assertThat(ended.overdue().status()).isEqualTo("CURRENT");
    }

    @Test
    void aReversedPaymentIsOwedAgain() {
        Events customer = new Events("outcome-reversed");
        PromiseMade promise = customer.promiseMade("P-1", "500", MADE, LocalDate.of(2026, 7, 10));
        var payment = customer.paid("PAY-1", "P-1", "300", LocalDate.of(2026, 6, 1));
        deliver(customer, customer.registered(), promise, payment);
        assertThat(summaries.get(customer.customerId()).promises().get(0).paid().amount()).isEqualByComparingTo("300");

        deliver(customer, customer.reversed(payment, LocalDate.of(2026, 6, 3)));

        assertThat(summaries.get(customer.customerId()).promises()).singleElement().satisfies(line ->
                assertThat(line.paid().amount()).isEqualByComparingTo("0"));
        assertThat(feed.jdbc().queryForObject("select paid from customer_promise where customer_id = ?", String.class,
                customer.customerId())).isEqualTo("0.0000");
    }

    @Test
    void aReversedPaymentTakesBackTheCreditItLeftThatALaterPromiseReceived() {
        Events customer = new Events("outcome-reversed-credit");
        LocalDate paidOn = LocalDate.of(2026, 6, 1);
        PromiseMade first = customer.promiseMade("P-1", "300", MADE, LocalDate.of(2026, 7, 10));
        // 500 paid against 300: 200 left as credit, of which the next promise receives 150
        var payment = new PaymentRecorded(customer.customerId(), "PAY-1", Events.cny("500"), paidOn, "P-1",
                List.of(new Allocation("P-1", Events.cny("300"))), Events.cny("200"), Events.cny("200"), Events.at(paidOn));
        PromiseMade second = new PromiseMade(customer.customerId(), "P-2", Events.cny("150"), paidOn, LocalDate.of(2026, 7, 20),
                Events.GRACE_DAYS, LocalDate.of(2026, 7, 20).plusDays(Events.GRACE_DAYS), Channel.PHONE, false, null, null,
                null, null, 1, Events.cny("150"), List.of(), Events.at(paidOn));
        deliver(customer, customer.registered(), first, payment, second);
        assertThat(summaries.get(customer.customerId()).promises().get(1).paid().amount()).isEqualByComparingTo("150");

        LocalDate bounced = LocalDate.of(2026, 6, 3);
        deliver(customer, new PaymentReversed(customer.customerId(), "PAY-1", Events.cny("500"), paidOn, ReversalReason.BOUNCED,
                null, List.of(new Allocation("P-1", Events.cny("300"))), Events.cny("50"),
                List.of(new Allocation("P-2", Events.cny("150"))), Events.cny("0"), bounced, Events.at(bounced)));

        assertThat(summaries.get(customer.customerId()).promises()).extracting(line -> line.paid().amount())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static BigDecimal storedScore(Events customer) {
        return feed.jdbc().queryForObject("select score from customer_summary where customer_id = ?", BigDecimal.class,
                customer.customerId());
    }

    private static void deliver(Events customer, Object... events) {
        feed.deliver(feed.record(customer.customerId(), events), Projectors.summary(feed.jdbc()));
    }
}
