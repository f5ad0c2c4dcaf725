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

    default Reliability scoreOf(List<?> events) {
        ScoreCard card = start();
        for (Object event : events) {
            card = card.apply(event);
        }
        return card.reliability();
    }
}
