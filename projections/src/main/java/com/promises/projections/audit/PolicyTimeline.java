package com.promises.projections.audit;

import com.promises.core.scoring.PoliciesInForce;
import com.promises.core.scoring.ReliabilityPolicies;
import com.promises.core.scoring.ReliabilityPolicy;
import com.promises.core.scoring.ScoringPolicySwitched;
import com.promises.projections.history.EventHistory;
import com.promises.projections.summary.ScoringPolicySettings;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which scoring policy was in force when: each start with another {@code promises.scoring.policy-version} than the
 * last one recorded is an event of the service's own stream ({@link ScoringPolicySwitched#STREAM}), so an as-of
 * answer scores under the policy of its time and a bundle can list every policy with the date it took effect.
 */
@Service
public class PolicyTimeline {

    private static final Logger log = LoggerFactory.getLogger(PolicyTimeline.class);
    /** The aggregate type the switches are stored under: no aggregate of the application has it. */
    private static final String STREAM_TYPE = "ScoringPolicy";

    private final EventHistory history;
    private final ReliabilityPolicy configured;
    private final TransactionTemplate transaction;

    PolicyTimeline(EventHistory history, ScoringPolicySettings scoring, PlatformTransactionManager transactions) {
        this.history = history;
        this.configured = scoring.policy();
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Every recorded switch, as periods, oldest first. */
    public PoliciesInForce policies() {
        List<ScoringPolicySwitched> switches = new ArrayList<>();
        List<Instant> recordedAt = new ArrayList<>();
        for (DomainEventMessage<?> event : history.events(ScoringPolicySwitched.STREAM, 0)) {
            if (event.getPayload() instanceof ScoringPolicySwitched switched) {
                switches.add(switched);
                recordedAt.add(event.getTimestamp());
            }
        }
        return PoliciesInForce.of(switches, recordedAt);
    }

    /** The policy in force now: the configured one. */
    public ReliabilityPolicy current() {
        return configured;
    }

    /**
     * The policy an as-of answer uses: the one asked for by version, else the one in force at {@code asOf}, else (no
     * instant: the whole history) the one in force now.
     *
     * @throws IllegalArgumentException for a version the service does not know
     */
    public ReliabilityPolicy forAnswerAt(Instant asOf, String requestedVersion) {
        if (requestedVersion != null) {
            return ReliabilityPolicies.byVersion(requestedVersion);
        }
        return asOf == null ? configured : ReliabilityPolicies.byVersion(policies().versionAt(asOf, configured.version()));
    }

    /**
     * Records that this start of this instance runs the configured policy, when it is not the one last recorded. Two
     * instances starting at once append at the same sequence number; the one refused reads again and finds the
     * switch already recorded.
     *
     * @return whether a switch was recorded by this call
     */
    public boolean recordStart(String instance, String start) {
        try {
            return recordIfSwitched(instance, start);
        } catch (RuntimeException refused) {
            if (newestRecorded().equals(configured.version())) {
                return false;
            }
            throw refused;
        }
    }

    private boolean recordIfSwitched(String instance, String start) {
        Boolean recorded = transaction.execute(status -> {
            List<? extends DomainEventMessage<?>> switches = history.events(ScoringPolicySwitched.STREAM, 0);
            String newest = switches.isEmpty() ? null : ((ScoringPolicySwitched) switches.get(switches.size() - 1).getPayload()).to();
            if (configured.version().equals(newest)) {
                return false;
            }
            ScoringPolicySwitched switched = new ScoringPolicySwitched(newest, configured.version(), instance, start);
            history.append(new GenericDomainEventMessage<>(STREAM_TYPE, ScoringPolicySwitched.STREAM, switches.size(),
                    switched, MetaData.from(Map.of("actor", "system", "correlationId", start))));
            log.info("Scoring policy {} in force from now on (before: {}), recorded by {} for start {}",
                    switched.to(), newest == null ? "none recorded" : newest, instance, start);
            return true;
        });
        return Boolean.TRUE.equals(recorded);
    }

    private String newestRecorded() {
        return policies().newest("");
    }
}
