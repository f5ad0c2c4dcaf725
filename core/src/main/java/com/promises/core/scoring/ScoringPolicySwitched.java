package com.promises.core.scoring;

/**
 * The service started with another scoring policy than the one in force before (or with the first one it ever
 * recorded, when {@code from} is null): from the time this event was recorded, scores are computed under {@code to}.
 * It belongs to the service's own stream {@link #STREAM}, never to a customer's.
 *
 * @param instance the host and process that started with the new policy
 * @param start    the id of that start, one per start of the service
 */
public record ScoringPolicySwitched(String from, String to, String instance, String start) {

    /** The stream of policy switches: a '/' is never in a customer id, so no customer can have this one. */
    public static final String STREAM = "service/scoring-policy";
}
