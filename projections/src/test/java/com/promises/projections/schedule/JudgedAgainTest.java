package com.promises.projections.schedule;

import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseState;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A promise judged again (a backdated payment, a reversal) moves its follow-up: kept closes it as paid, open again
 * closes it and reopens the window, a partial judgement lowers what it still owes, a new break opens one.
 */
class JudgedAgainTest {

    private static final LocalDate MADE = LocalDate.of(2026, 5, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 5, 10);
    private EventFeed feed;

    @BeforeEach
    void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void aBrokenPromiseJudgedKeptClosesItsFollowUpAsPaid() {
        Events customer = new Events("again-kept");
        PromiseMade promise = broken(customer);

        deliver(customer, customer.rejudged(promise, PromiseState.BROKEN, PromiseState.KEPT, "1000", DUE.plusDays(8)));

        assertThat(followUp(customer, "closed_because")).isEqualTo("PAID");
        assertThat(followUp(customer, "closed_at")).isNotNull();
    }

    @Test
    void aBrokenPromiseJudgedOpenAgainClosesItsFollowUpAndReopensItsWindow() {
        Events customer = new Events("again-open");
        PromiseMade promise = broken(customer);
        assertThat(windows(customer)).isZero();

        deliver(customer, customer.rejudged(promise, PromiseState.BROKEN, PromiseState.OPEN, "0", DUE.plusDays(8)));

        assertThat(followUp(customer, "closed_because")).isEqualTo("REJUDGED");
        assertThat(windows(customer)).isEqualTo(1);
    }

    @Test
    void aBrokenPromiseJudgedPartlyKeptOwesOnlyItsRest() {
        Events customer = new Events("again-partial");
        PromiseMade promise = broken(customer);

        deliver(customer, customer.rejudged(promise, PromiseState.BROKEN, PromiseState.PARTIALLY_KEPT, "300", DUE.plusDays(8)));

        assertThat(followUp(customer, "still_owed")).isEqualTo("700.0000");
        assertThat(followUp(customer, "closed_at")).isNull();
    }

    @Test
    void aKeptPromiseJudgedBrokenOpensAFollowUpAndCountsAsARecentBreak() {
        Events customer = new Events("again-broken");
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        deliver(customer, customer.registered(), promise, customer.paid("PAY-1", "P-1", "1000", DUE), customer.kept(promise, DUE));
        assertThat(feed.jdbc().queryForObject("select count(*) from follow_up", Long.class)).isZero();

        deliver(customer, customer.rejudged(promise, PromiseState.KEPT, PromiseState.BROKEN, "0", LocalDate.of(2026, 5, 20)));

        assertThat(followUp(customer, "still_owed")).isEqualTo("1000.0000");
        assertThat(followUp(customer, "closed_at")).isNull();
        assertThat(feed.jdbc().queryForObject("select last_broken_on::text from customer_outcomes where customer_id = ?",
                String.class, customer.customerId())).isEqualTo("2026-05-20");
    }

    /** Made for 1,000 due 10 May, broken by the clock at the window's close with nothing paid: a follow-up is open. */
    private PromiseMade broken(Events customer) {
        PromiseMade promise = customer.promiseMade("P-1", "1000", MADE, DUE);
        deliver(customer, customer.registered(), promise, customer.brokenAt(promise, Events.at(DUE.plusDays(4))));
        assertThat(followUp(customer, "still_owed")).isEqualTo("1000.0000");
        return promise;
    }

    private String followUp(Events customer, String column) {
        return feed.jdbc().queryForObject("select " + column + "::text from follow_up where customer_id = ?", String.class,
                customer.customerId());
    }

    private long windows(Events customer) {
        return feed.jdbc().queryForObject("select count(*) from promise_window where customer_id = ?", Long.class,
                customer.customerId());
    }

    private void deliver(Events customer, Object... events) {
        feed.deliver(feed.record(customer.customerId(), events), ScheduleProjections.schedule(feed.jdbc(), ZoneId.of("UTC")));
    }
}
