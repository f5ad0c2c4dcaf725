package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.commitment.CommitmentAccepted;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.MakeOurCommitment;
import com.promises.core.commitment.OurCommitmentMade;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.commitment.RecordOurCommitmentOutcome;
import com.promises.core.promise.ValuedBy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What we promised the customer (DOMAIN.md rule 7, seed 002: 按时赴约), by id, and how each ended. A commitment
 * nobody answers by the day after its due date is missed; the account then excuses the customer's promises it covers.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class OurCommitments {

    /** Days after the due date in which a collector still records how it went, before the service calls it missed. */
    static final int DAYS_TO_ANSWER = 1;

    private final Map<String, OurCommitmentMade> made = new LinkedHashMap<>();
    private final Map<String, OurCommitmentOutcomeRecorded> outcomes = new LinkedHashMap<>();

    @CommandHandler
    CommitmentAccepted handle(MakeOurCommitment command, AccountRules rules, Clock clock) {
        OurCommitmentMade earlier = made.get(command.commitmentId());
        if (earlier != null) {
            return Repeats.answerAgainOrRefuse(earlier.kind() == command.kind()
                            && Objects.equals(earlier.dueDate(), command.dueDate()) && Objects.equals(earlier.note(), command.note()),
                    () -> new CommitmentAccepted(earlier.commitmentId()),
                    () -> Rejection.DUPLICATE_COMMITMENT_ID.because(Refusals.DUPLICATE_COMMITMENT.formatted(command.commitmentId())));
        }
        if (command.kind() == null) {
            throw Rejection.INVALID_COMMITMENT.because(Refusals.KIND_REQUIRED);
        }
        LocalDate today = rules.calendar().today(clock);
        Dates.require("due date", command.dueDate());
        if (command.dueDate().isBefore(today)) {
            throw Rejection.INVALID_DATE.because(Refusals.COMMITMENT_IN_THE_PAST.formatted(command.dueDate(), today));
        }
        apply(new OurCommitmentMade(command.customerId(), command.commitmentId(), command.kind(), command.dueDate(),
                command.dueDate().plusDays(DAYS_TO_ANSWER), command.note(), today, clock.instant()));
        return new CommitmentAccepted(command.commitmentId());
    }

    /**
     * A collector's answer: kept at any time, missed from its due date on, cancelled in advance (seed 002: 提前告知并致歉)
     * up to its due date. The very same answer again changes nothing.
     */
    void record(String customerId, RecordOurCommitmentOutcome command, AccountRules rules, LocalDate today, Instant now) {
        OurCommitmentMade commitment = get(customerId, command.commitmentId());
        if (command.outcome() == null) {
            throw Rejection.INVALID_COMMITMENT.because(Refusals.OUTCOME_REQUIRED);
        }
        OurCommitmentOutcomeRecorded earlier = outcomes.get(commitment.commitmentId());
        if (earlier != null) {
            Repeats.answerAgainOrRefuse(earlier.outcome() == command.outcome() && Objects.equals(earlier.note(), command.note()),
                    () -> null, () -> alreadyAnswered(earlier));
            return;
        }
        if (command.outcome() == CommitmentOutcome.CANCELLED_IN_ADVANCE && today.isAfter(commitment.dueDate())) {
            throw Rejection.TOO_LATE_TO_CANCEL.because(Refusals.CANCELLED_TOO_LATE.formatted(commitment.commitmentId(), commitment.dueDate()));
        }
        if (command.outcome() == CommitmentOutcome.MISSED && today.isBefore(commitment.dueDate())) {
            throw Rejection.COMMITMENT_NOT_DUE.because(Refusals.MISSED_BEFORE_DUE.formatted(commitment.commitmentId(), commitment.dueDate()));
        }
        apply(outcome(customerId, commitment, command.outcome(), command.note(), ValuedBy.COLLECTOR, rules, today, now));
    }

    /** The service's judgement once nobody answered in time: missed. A commitment with an answer is left as it is. */
    void judge(String customerId, String commitmentId, AccountRules rules, LocalDate today, Instant now) {
        OurCommitmentMade commitment = get(customerId, commitmentId);
        if (outcomes.containsKey(commitmentId)) {
            return;
        }
        if (!today.isAfter(commitment.answerBy())) {
            throw Rejection.COMMITMENT_NOT_DUE.because(Refusals.NOT_YET_UNANSWERED.formatted(commitmentId, commitment.answerBy()));
        }
        apply(outcome(customerId, commitment, CommitmentOutcome.MISSED, null, ValuedBy.SYSTEM, rules, today, now));
    }

    private OurCommitmentMade get(String customerId, String commitmentId) {
        OurCommitmentMade commitment = commitmentId == null ? null : made.get(commitmentId);
        if (commitment == null) {
            throw Rejection.COMMITMENT_NOT_FOUND.because(Refusals.UNKNOWN_COMMITMENT.formatted(customerId, commitmentId));
        }
        return commitment;
    }

    /** A miss records the last day it excuses, from the excuse days in force now, so a replay never depends on them. */
    private static OurCommitmentOutcomeRecorded outcome(String customerId, OurCommitmentMade commitment, CommitmentOutcome outcome,
                                                        String note, ValuedBy by, AccountRules rules, LocalDate today, Instant now) {
        LocalDate excusesUntil = outcome == CommitmentOutcome.MISSED ? commitment.dueDate().plusDays(rules.excuseDays()) : null;
        return new OurCommitmentOutcomeRecorded(customerId, commitment.commitmentId(), commitment.kind(), commitment.dueDate(),
                outcome, note, excusesUntil, by, today, now);
    }

    private static CommandRejected alreadyAnswered(OurCommitmentOutcomeRecorded earlier) {
        return Rejection.COMMITMENT_ALREADY_ANSWERED.because(Refusals.ALREADY_ANSWERED.formatted(earlier.commitmentId(),
                PromiseBook.describe(earlier.outcome()), earlier.recordedOn()));
    }

    @EventSourcingHandler
    void on(OurCommitmentMade event) {
        made.put(event.commitmentId(), event);
    }

    @EventSourcingHandler
    void on(OurCommitmentOutcomeRecorded event) {
        outcomes.put(event.commitmentId(), event);
    }
}
