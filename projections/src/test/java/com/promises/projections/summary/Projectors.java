package com.promises.projections.summary;

import com.promises.core.time.BusinessCalendar;
import com.promises.projections.rebuild.Rebuilding;
import com.promises.projections.schedule.ScheduleProjections;
import com.promises.projections.testing.EventFeed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Both read models' projections as plain objects over a database, built as the service wires them. */
public final class Projectors {

    private Projectors() {
    }

    public static Object summary(JdbcTemplate jdbc) {
        return new CustomerSummaryProjection(new BatchedCustomerViews(store(jdbc)));
    }

    public static Object[] both(JdbcTemplate jdbc, ZoneId zone) {
        return new Object[]{summary(jdbc), ScheduleProjections.schedule(jdbc, zone)};
    }

    /** The summary projection's handlers over views held in memory, as reads and audits replay them. */
    public static CustomerViewReplay replay(JdbcTemplate jdbc) {
        return new CustomerViewReplay(store(jdbc));
    }

    /** The summaries' queries over the feed's database, answering as on {@code today} (09:00 in the calendar's zone). */
    public static CustomerSummaries summaries(EventFeed feed, LocalDate today, BusinessCalendar calendar) {
        return summaries(feed, today, calendar, () -> false);
    }

    /** As {@link #summaries(EventFeed, LocalDate, BusinessCalendar)}, while a rebuild runs or not. */
    public static CustomerSummaries summaries(EventFeed feed, LocalDate today, BusinessCalendar calendar, Rebuilding rebuilding) {
        CustomerViewStore store = store(feed.jdbc());
        return new CustomerSummaries(new NamedParameterJdbcTemplate(feed.jdbc()),
                Clock.fixed(today.atTime(9, 0).atZone(calendar.zone()).toInstant(), calendar.zone()), calendar,
                rebuilding, store, new CustomerViewReplay(store), feed.history(), feed.transactions());
    }

    static CustomerViewStore store(JdbcTemplate jdbc) {
        return new CustomerViewStore(jdbc, new com.fasterxml.jackson.databind.ObjectMapper(), ScoringPolicies.v1());
    }
}
