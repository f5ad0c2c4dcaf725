package com.promises.projections.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.promises.core.scoring.Band;
import com.promises.core.scoring.PoliciesInForce;
import com.promises.core.scoring.Reliability;
import com.promises.core.scoring.ReliabilityPolicies;
import com.promises.core.scoring.ScoreCard;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.CustomerNotFoundException;
import com.promises.projections.history.EventHistory;
import com.promises.projections.summary.CustomerSummaries;
import com.promises.projections.summary.CustomerViewReplay;
import com.promises.projections.summary.Overdue;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer as they stood in the past, from the events recorded by then: the overdue status on the business date
 * of an instant, and the score over a range of dates for charts. Both by the rules today's answers follow (core's
 * overdue standing and scoring policies, the summary's own view of the events).
 */
@Service
public class PastStanding {

    /** The most points one series may have. */
    public static final int MAX_POINTS = 1_000;

    public enum Step { DAY, WEEK, MONTH }

    /**
     * The overdue object as it stood at {@code asOf}, on that instant's business date.
     *
     * @param businessDate the date in the business time zone the status was judged on
     */
    public record StatusAsOf(String customerId, Instant asOf, LocalDate businessDate, @JsonUnwrapped Overdue overdue) {
    }

    /** The score at the end of {@code date}, under {@code policyVersion}. */
    public record Point(LocalDate date, BigDecimal score, Band band, String policyVersion) {
    }

    private final EventHistory history;
    private final CustomerViewReplay replay;
    private final BusinessCalendar calendar;
    private final PolicyTimeline policies;

    PastStanding(EventHistory history, CustomerViewReplay replay, BusinessCalendar calendar, PolicyTimeline policies) {
        this.history = history;
        this.replay = replay;
        this.calendar = calendar;
        this.policies = policies;
    }

    /**
     * The status from the events recorded up to {@code asOf}, on its business date. Before the customer's first event
     * it is the starting state: nothing owed, in the account's currency.
     */
    public StatusAsOf status(String customerId, Instant asOf) {
        List<? extends DomainEventMessage<?>> events = events(customerId);
        List<DomainEventMessage<?>> recorded = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            recorded.add(event);
        }
        if (recorded.isEmpty()) {
            recorded.add(events.get(0)); // the registration alone: the account's currency, nothing else yet
        }
        LocalDate day = calendar.dateOf(asOf);
        return new StatusAsOf(customerId, asOf, day, CustomerSummaries.overdueOn(replay.replay(customerId, recorded), day));
    }

    /** How many points a series from {@code from} to {@code to} has; 0 when {@code from} is after {@code to}. */
    public static long points(LocalDate from, LocalDate to, Step step) {
        if (from.isAfter(to)) {
            return 0;
        }
        return 1 + switch (step) {
            case DAY -> ChronoUnit.DAYS.between(from, to);
            case WEEK -> ChronoUnit.WEEKS.between(from, to);
            case MONTH -> ChronoUnit.MONTHS.between(from, to);
        };
    }

    /**
     * The score at the end of each date from {@code from} to {@code to} by {@code step}: from the events recorded
     * before the next day began in the business time zone, under the policy asked for, else the one in force then.
     *
     * @throws IllegalArgumentException for more than {@link #MAX_POINTS} points, or an unknown policy version
     */
    public List<Point> series(String customerId, LocalDate from, LocalDate to, Step step, String policyVersion) {
        long count = points(from, to, step);
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException(count + " points; a series has at most " + MAX_POINTS);
        }
        if (policyVersion != null) {
            ReliabilityPolicies.byVersion(policyVersion);
        }
        List<? extends DomainEventMessage<?>> events = events(customerId);
        PoliciesInForce inForce = policies.policies();
        String configured = policies.current().version();
        Map<String, Fold> folds = new HashMap<>(); // one running fold per policy, as the points move forward
        List<Point> series = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            LocalDate date = switch (step) {
                case DAY -> from.plusDays(i);
                case WEEK -> from.plusWeeks(i);
                case MONTH -> from.plusMonths(i);
            };
            Instant end = date.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
            String version = policyVersion != null ? policyVersion : inForce.versionAt(end.minusNanos(1), configured);
            Fold fold = folds.computeIfAbsent(version, v -> new Fold(ReliabilityPolicies.byVersion(v).start()));
            Reliability reliability = fold.upTo(events, end);
            series.add(new Point(date, reliability.score(), reliability.band(), reliability.policyVersion()));
        }
        return series;
    }

    /** A score card moved along the events, never back. */
    private static final class Fold {
        private ScoreCard card;
        private int next;

        Fold(ScoreCard card) {
            this.card = card;
        }

        /** The reliability after every event recorded before {@code end}. */
        Reliability upTo(List<? extends DomainEventMessage<?>> events, Instant end) {
            while (next < events.size() && events.get(next).getTimestamp().isBefore(end)) {
                card = card.apply(events.get(next++).getPayload());
            }
            return card.reliability();
        }
    }

    private List<? extends DomainEventMessage<?>> events(String customerId) {
        List<? extends DomainEventMessage<?>> events = history.events(customerId, 0);
        if (events.isEmpty()) {
            throw new CustomerNotFoundException(customerId);
        }
        return events;
    }
}
