package com.promises.projections.summary;

import com.promises.projections.schedule.ScheduleProjections;
import org.springframework.jdbc.core.JdbcTemplate;

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

    static CustomerViewStore store(JdbcTemplate jdbc) {
        return new CustomerViewStore(jdbc, new com.fasterxml.jackson.databind.ObjectMapper(), ScoringPolicies.v1());
    }
}
