package com.promises.core.scoring;

/**
 * The running state of a reliability fold over one customer's events, oldest first. {@link #apply} returns the card
 * after the event (the same card for events that do not move the score), so an auditor's explanation is the score
 * read after each event, and a read model keeps only the latest card. The card an event was applied to is spent:
 * keep the one it returned.
 */
public interface ScoreCard {

    ScoreCard apply(Object event);

    Reliability reliability();
}
