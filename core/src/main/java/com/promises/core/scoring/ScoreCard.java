package com.promises.core.scoring;

/**
 * The running state of a reliability fold over one customer's events, oldest first. Immutable:
 * {@link #apply} returns the card after the event (the same card for events that do not move the score),
 * so an auditor's explanation is the sequence of cards, and a read model keeps only the latest.
 */
public interface ScoreCard {

    ScoreCard apply(Object event);

    Reliability reliability();
}
