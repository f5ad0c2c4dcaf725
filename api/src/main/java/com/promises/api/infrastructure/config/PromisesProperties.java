package com.promises.api.infrastructure.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's own settings, under {@code promises.*}. Every one has a default a new user can run with.
 *
 * @param zone              the business time zone; due dates and "today" are local dates in it
 * @param graceDays         days after the due date before a promise is judged
 * @param quietDays         days after a reminder before the next one to the same customer
 * @param dataDir           where the embedded PostgreSQL keeps its files (ignored with an external database)
 * @param clock             the business clock; {@code fixed} pins it to an instant (demos, tests)
 * @param snapshotThreshold events after which a customer account is snapshotted
 * @param warnings          thresholds for the doubts raised when a promise is made
 * @param accountCache      customer accounts kept in memory between commands
 * @param excuseDays        a promise whose window closes within this many days after one of our missed commitments
 *                          is excused (DOMAIN.md rule 7)
 */
@ConfigurationProperties("promises")
public record PromisesProperties(@DefaultValue("UTC") ZoneId zone,
                                 @DefaultValue("3") int graceDays,
                                 @DefaultValue("3") int quietDays,
                                 @DefaultValue("./data") Path dataDir,
                                 @DefaultValue ClockSettings clock,
                                 @DefaultValue("100") int snapshotThreshold,
                                 @DefaultValue Warnings warnings,
                                 @DefaultValue AccountCache accountCache,
                                 @DefaultValue("14") int excuseDays) {

    /**
     * @param size accounts kept at most (0 turns the cache off); each is checked against the event store before use
     * @param idle an account not used for this long is dropped
     */
    public record AccountCache(@DefaultValue("10000") int size, @DefaultValue("30m") Duration idle) {
    }

    /** @param fixed an ISO-8601 instant the clock stands still at; absent means the system clock */
    public record ClockSettings(Instant fixed) {
    }

    /**
     * @param writtenAmount    a verbal promise above this amount (in the account's currency) is flagged
     * @param writtenHorizonDays a verbal promise due further out than this many days is flagged
     * @param doubtfulMultiple a promise above this multiple of the customer's largest payment is doubtful
     * @param doubtfulSoonDays a large promise due within this many days from a poor payer is doubtful
     * @param poorRecordBelow  a reliability score below this is a poor record
     * @param firstPromiseAmount with no payment history yet, a promise above this due within doubtfulSoonDays is doubtful
     */
    public record Warnings(@DefaultValue("50000") BigDecimal writtenAmount,
                           @DefaultValue("30") int writtenHorizonDays,
                           @DefaultValue("3") BigDecimal doubtfulMultiple,
                           @DefaultValue("2") int doubtfulSoonDays,
                           @DefaultValue("50") BigDecimal poorRecordBelow,
                           @DefaultValue("50000") BigDecimal firstPromiseAmount) {
    }
}
