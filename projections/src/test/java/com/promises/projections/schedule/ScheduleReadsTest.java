package com.promises.projections.schedule;

import com.promises.core.dispute.DisputeResolved;
import com.promises.core.followup.FollowUpClosed;
import com.promises.core.promise.PromiseMade;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule's reads: which promises to remind on a day (the lead by amount, quiet days, disputes, reminders already
 * sent), which windows close in a range, and which closed windows a sweeper claims, each once while its claim lasts.
 */
class ScheduleReadsTest {

    private static final LocalDate ON = LocalDate.of(2026, 7, 9);
    private static final LocalDate MADE = LocalDate.of(2026, 6, 1);

    @Test
    void theRemindersDueOnADayTakeEachAmountsLeadAndLeaveOutWhatMustNotBeRemindedLargestFirst() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            // leads by amount: below 10,000 one day, below 100,000 three days, from 100,000 on seven
            promise(feed, "rem-a", "5000", ON.plusDays(1));
            promise(feed, "rem-b", "50000", ON.plusDays(3));
            promise(feed, "rem-c", "200000", ON.plusDays(7));
            promise(feed, "rem-d", "9999.99", ON.plusDays(2)); // suggested tomorrow
            promise(feed, "rem-e", "10000", ON.plusDays(3)); // at the bound: the next tier's lead
            promise(feed, "rem-f", "100000", ON.plusDays(7));
            promise(feed, "rem-far", "200000", ON.plusDays(8)); // suggested tomorrow
            // the window closes today: still remindable; closed yesterday: not
            promise(feed, "rem-closing", "300", ON.minusDays(3));
            promise(feed, "rem-closed", "300", ON.minusDays(4));
            PromiseMade disputed = promise(feed, "rem-disputed", "5000", ON.plusDays(1));
            record(feed, "rem-disputed", new Events("rem-disputed").disputed(disputed, ON.minusDays(1)));
            // reminded on the suggested day already; and before it, its quiet days over
            PromiseMade remindedToday = promise(feed, "rem-reminded", "5000", ON.plusDays(1));
            record(feed, "rem-reminded", new Events("rem-reminded").reminded(remindedToday, ON, 0));
            PromiseMade remindedBefore = promise(feed, "rem-earlier", "5000", ON.plusDays(1));
            record(feed, "rem-earlier", new Events("rem-earlier").reminded(remindedBefore, ON.minusDays(4), 3));
            // quiet until tomorrow; quiet until today (over)
            PromiseMade quiet = promise(feed, "rem-quiet", "5000", ON.plusDays(1));
            record(feed, "rem-quiet", new Events("rem-quiet").reminded(quiet, ON.minusDays(1), 2));
            PromiseMade quietOver = promise(feed, "rem-quiet-over", "5000", ON.plusDays(1));
            record(feed, "rem-quiet-over", new Events("rem-quiet-over").reminded(quietOver, ON.minusDays(3), 3));

            List<PromiseSchedule.DueReminder> due = schedule(feed).remindersDue(ON);

            assertThat(due).extracting(PromiseSchedule.DueReminder::customerId).containsExactly(
                    "rem-c", "rem-f", "rem-b", "rem-e", "rem-a", "rem-earlier", "rem-quiet-over", "rem-closing");
            assertThat(due).extracting(PromiseSchedule.DueReminder::suggestedOn)
                    .containsExactly(ON, ON, ON, ON, ON, ON, ON, ON.minusDays(4));
            assertThat(due.get(0).amount().amount()).isEqualByComparingTo("200000");
            assertThat(due.get(0).amount().currency()).isEqualTo("CNY");
            assertThat(due.get(0).dueDate()).isEqualTo(ON.plusDays(7));
            assertThat(due.get(0).promiseId()).isEqualTo("P-1");
            // a day later the two suggested for tomorrow come due
            assertThat(schedule(feed).remindersDue(ON.plusDays(1))).extracting(PromiseSchedule.DueReminder::customerId)
                    .contains("rem-far", "rem-d").doesNotContain("rem-closing");
        }
    }

    @Test
    void theLeadsComeFromTheConfiguredTiersSortedByTheirBounds() {
        ReminderTiers tiers = new ReminderTiers(List.of(new ReminderTiers.Tier(new BigDecimal("500"), 2),
                new ReminderTiers.Tier(new BigDecimal("100"), 0)), 10);

        assertThat(tiers.tiers()).extracting(ReminderTiers.Tier::below).containsExactly(new BigDecimal("100"), new BigDecimal("500"));
        assertThat(tiers.leadDays(new BigDecimal("99.99"))).isZero();
        assertThat(tiers.leadDays(new BigDecimal("100"))).isEqualTo(2);
        assertThat(tiers.leadDays(new BigDecimal("499.99"))).isEqualTo(2);
        assertThat(tiers.leadDays(new BigDecimal("500"))).isEqualTo(10);
        assertThat(tiers.longestLead()).isEqualTo(10);
        assertThat(new ReminderTiers(List.of(new ReminderTiers.Tier(new BigDecimal("500"), 12)), 4).longestLead()).isEqualTo(12);
        assertThat(new ReminderTiers(null, 7).tiers()).extracting(ReminderTiers.Tier::leadDays).containsExactly(1, 3);
    }

    @Test
    void theWindowsClosingInARangeBothDaysIncludedSoonestThenLargest() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            promise(feed, "close-before", "100", ON.minusDays(4)); // closes the day before the range
            promise(feed, "close-first-small", "100", ON.minusDays(3));
            promise(feed, "close-first-large", "900", ON.minusDays(3));
            promise(feed, "close-last", "100", ON.plusDays(2));
            promise(feed, "close-after", "100", ON.plusDays(3));

            List<PromiseSchedule.ClosingWindow> closing = schedule(feed).windowsClosing(ON, ON.plusDays(5));

            assertThat(closing).extracting(PromiseSchedule.ClosingWindow::customerId)
                    .containsExactly("close-first-large", "close-first-small", "close-last");
            assertThat(closing.get(0).windowClosesOn()).isEqualTo(ON);
            assertThat(closing.get(0).dueDate()).isEqualTo(ON.minusDays(3));
            assertThat(closing.get(0).amount().amount()).isEqualByComparingTo("900");
            assertThat(closing.get(2).windowClosesOn()).isEqualTo(ON.plusDays(5));
        }
    }

    @Test
    void aClosedWindowIsClaimedByOneSweepUntilItsClaimLapsesOrIsReleased() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            promise(feed, "claim-old", "100", ON.minusDays(10)); // closed 3 July
            promise(feed, "claim-new", "100", ON.minusDays(5)); // closed 7 July
            promise(feed, "claim-today", "100", ON.minusDays(3)); // closes today: still open
            PromiseMade disputed = promise(feed, "claim-disputed", "100", ON.minusDays(10));
            record(feed, "claim-disputed", new Events("claim-disputed").disputed(disputed, ON.minusDays(9)));
            PromiseSchedule schedule = schedule(feed);
            Instant now = Instant.parse("2026-07-09T09:00:00Z");
            Duration claimFor = Duration.ofMinutes(5);

            assertThat(schedule.claimClosedWindows(ON, 1, now, claimFor))
                    .containsExactly(new PromiseSchedule.ClosedWindow("claim-old", "P-1")); // the oldest first
            assertThat(schedule.claimClosedWindows(ON, 10, now, claimFor))
                    .containsExactly(new PromiseSchedule.ClosedWindow("claim-new", "P-1"));
            assertThat(schedule.claimClosedWindows(ON, 10, now.plus(claimFor), claimFor)).isEmpty(); // claims end after
            schedule.releaseClaim("claim-new", "P-1");
            assertThat(schedule.claimClosedWindows(ON, 10, now, claimFor))
                    .containsExactly(new PromiseSchedule.ClosedWindow("claim-new", "P-1"));
            assertThat(schedule.claimClosedWindows(ON, 10, now.plus(claimFor).plusMillis(1), claimFor))
                    .containsExactlyInAnyOrder(new PromiseSchedule.ClosedWindow("claim-old", "P-1"),
                            new PromiseSchedule.ClosedWindow("claim-new", "P-1"));
            assertThat(schedule.claimClosedWindows(ON.plusDays(1), 10, now.plus(Duration.ofHours(1)), claimFor))
                    .contains(new PromiseSchedule.ClosedWindow("claim-today", "P-1"));
        }
    }

    @Test
    void aCancelledPromiseOrAnUpheldDisputeClosesItsWindowAndADisputeRejectedResumesItWithItsNewDates() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            PromiseMade cancelled = promise(feed, "win-cancelled", "100", ON);
            record(feed, "win-cancelled", new Events("win-cancelled").cancelled(cancelled, ON.minusDays(2)));
            PromiseMade upheld = promise(feed, "win-upheld", "100", ON);
            record(feed, "win-upheld", new Events("win-upheld").disputed(upheld, ON.minusDays(2)));
            record(feed, "win-upheld", new DisputeResolved("win-upheld", "P-1", true, "our error", ON.minusDays(1), 1, ON.plusDays(1),
                    ON.plusDays(4), Events.at(ON.minusDays(1))));
            PromiseMade rejected = promise(feed, "win-rejected", "100", ON);
            record(feed, "win-rejected", new Events("win-rejected").disputed(rejected, ON.minusDays(2)));
            record(feed, "win-rejected", new DisputeResolved("win-rejected", "P-1", false, "delivered as agreed", ON.minusDays(1), 1,
                    ON.plusDays(1), ON.plusDays(4), Events.at(ON.minusDays(1))));
            promise(feed, "win-open", "100", ON);

            List<PromiseSchedule.ClosingWindow> closing = schedule(feed).windowsClosing(ON, ON.plusDays(10));

            assertThat(closing).extracting(PromiseSchedule.ClosingWindow::customerId).containsExactly("win-open", "win-rejected");
            assertThat(closing.get(1).dueDate()).isEqualTo(ON.plusDays(1));
            assertThat(closing.get(1).windowClosesOn()).isEqualTo(ON.plusDays(4));
            assertThat(schedule(feed).remindersDue(ON.plusDays(1))).extracting(PromiseSchedule.DueReminder::customerId)
                    .containsExactly("win-open", "win-rejected"); // a closed window is never reminded of
        }
    }

    @Test
    void aFollowUpIsClosedByTheCollectorAndFollowsTheMoneyPaidAndReversed() {
        try (EventFeed feed = new EventFeed(ReadModelDatabase.fresh())) {
            Events customer = new Events("follow-money");
            PromiseMade promise = promise(feed, customer.customerId(), "1000", ON.minusDays(10));
            record(feed, customer.customerId(), customer.brokenAt(promise, Events.at(ON.minusDays(6))));
            var payment = customer.paid("PAY-1", "P-1", "400", ON.minusDays(2));
            record(feed, customer.customerId(), payment);
            assertThat(stillOwed(feed, customer.customerId())).isEqualTo("600.0000");
            record(feed, customer.customerId(), customer.reversed(payment, ON.minusDays(1)));
            assertThat(stillOwed(feed, customer.customerId())).isEqualTo("1000.0000");
            assertThat(schedule(feed).openFollowUps()).extracting(PromiseSchedule.FollowUp::customerId).containsExactly("follow-money");
            String id = schedule(feed).openFollowUps().get(0).id();

            record(feed, customer.customerId(), new FollowUpClosed(customer.customerId(), "P-1", "agreed a new date", ON,
                    Events.at(ON)));

            assertThat(schedule(feed).openFollowUps()).isEmpty();
            assertThat(schedule(feed).followUp(id)).hasValueSatisfying(followUp -> {
                assertThat(followUp.closedAt()).isEqualTo(Events.at(ON));
                assertThat(followUp.promiseId()).isEqualTo("P-1");
            });
            assertThat(feed.jdbc().queryForObject("select closed_because from follow_up where id = ?", String.class, id))
                    .isEqualTo("COLLECTOR");
            assertThat(schedule(feed).followUp("no-such-follow-up")).isEmpty();
        }
    }

    private static String stillOwed(EventFeed feed, String customerId) {
        return feed.jdbc().queryForObject("select still_owed from follow_up where customer_id = ?", String.class, customerId);
    }

    private static PromiseMade promise(EventFeed feed, String customerId, String amount, LocalDate due) {
        Events customer = new Events(customerId);
        PromiseMade promise = customer.promiseMade("P-1", amount, MADE, due);
        feed.deliver(feed.record(customerId, customer.registered(), promise), ScheduleProjections.schedule(feed.jdbc(), ZoneId.of("UTC")));
        return promise;
    }

    private static void record(EventFeed feed, String customerId, Object event) {
        feed.deliver(feed.record(customerId, event), ScheduleProjections.schedule(feed.jdbc(), ZoneId.of("UTC")));
    }

    private static PromiseSchedule schedule(EventFeed feed) {
        return new PromiseSchedule(feed.jdbc(), new ReminderTiers(List.of(), 7), new TransactionTemplate(feed.transactions()));
    }
}
