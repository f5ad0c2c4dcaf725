package com.promises.core.scoring;

import java.util.List;

/**
 * A versioned way to turn a customer's history into a reliability score. A pure fold: the same
 * events give the same score on any machine, any day. Read models and the audit replay both
 * use it, so the formula lives in one place.
 */
public interface ReliabilityPolicy {

    String version();

    /** The card of a customer with no history: the prior alone. */
    ScoreCard start();

    /** The recent outcomes after this event: moved on when it values a promise, the same otherwise. */
    RecentOutcomes recentOutcomesAfter(RecentOutcomes before, Object event);

    /** Whether these outcomes mark a habitual breaker (seed 002: 屢教不改). */
    boolean isHabitualBreaker(RecentOutcomes recent);

    default Reliability scoreOf(List<?> events) {
        ScoreCard card = start();
        for (Object event : events) {
            card = card.apply(event);
        }
        return card.reliability();
    }
}
