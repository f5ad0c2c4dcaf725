package com.promises.projections.schedule;

import com.promises.core.time.BusinessCalendar;
import com.promises.projections.summary.ScoringPolicies;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.ZoneId;

/** The schedule projection as a plain object over a database, built as the service wires it. */
public final class ScheduleProjections {

    private ScheduleProjections() {
    }

    public static Object schedule(JdbcTemplate jdbc, ZoneId zone) {
        return new PromiseScheduleProjection(new ScheduleRows(jdbc), ScoringPolicies.v1(), new BusinessCalendar(zone),
                new BigDecimal("50000"));
    }
}
