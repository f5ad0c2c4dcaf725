package com.promises.projections.audit;

import com.promises.core.scoring.PoliciesInForce;
import com.promises.core.scoring.ScoringPolicySwitched;
import com.promises.projections.history.EventHistory;
import com.promises.projections.summary.Projectors;
import com.promises.projections.summary.ScoringPolicies;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.ForwardingEventHistory;
import com.promises.projections.testing.ReadModelDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each start with another scoring policy is recorded once, and as-of answers take the policy of their time. */
class PolicyTimelineTest {

    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aSwitchIsRecordedOnceWithItsStartAndTheAnswersFollowIt() {
        PolicyTimeline v1 = timeline("v1");
        assertThat(v1.recordStart("host-a/101", "start-1")).isTrue();
        assertThat(v1.recordStart("host-b/202", "start-2")).isFalse(); // a second instance, or a restart, on v1
        PolicyTimeline v2 = timeline("v2");
        assertThat(v2.recordStart("host-a/303", "start-3")).isTrue();

        var switches = feed.history().events(ScoringPolicySwitched.STREAM, 0);
        assertThat(switches).extracting(event -> (Object) event.getPayload())
                .containsExactly(new ScoringPolicySwitched(null, "v1", "host-a/101", "start-1"),
                        new ScoringPolicySwitched("v1", "v2", "host-a/303", "start-3"));
        assertThat(switches.get(1).getMetaData()).containsEntry("actor", "system");

        PoliciesInForce periods = v2.policies();
        assertThat(periods.periods()).extracting(PoliciesInForce.Period::version).containsExactly("v1", "v2");
        var switchedAt = periods.periods().get(1).from();
        assertThat(v2.forAnswerAt(switchedAt.minusMillis(1), null).version()).isEqualTo("v1");
        assertThat(v2.forAnswerAt(switchedAt, null).version()).isEqualTo("v2");
        assertThat(v1.forAnswerAt(switchedAt.plusSeconds(60), null).version()).isEqualTo("v2");
        assertThat(v2.forAnswerAt(switchedAt.plusSeconds(60), "v1").version()).isEqualTo("v1");
        assertThat(v1.forAnswerAt(null, null).version()).isEqualTo("v1"); // the whole history: the policy in force now
        assertThatThrownBy(() -> v2.forAnswerAt(null, "v9")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReadModelsIgnoreTheServicesOwnStream() {
        timeline("v1").recordStart("host-c/1", "start-c");
        timeline("v2").recordStart("host-c/2", "start-d");

        feed.deliver(feed.history().events(ScoringPolicySwitched.STREAM, 0), Projectors.both(feed.jdbc(), ZoneId.of("UTC")));

        assertThat(feed.jdbc().queryForObject("select count(*) from customer_summary", Long.class)).isZero();
        assertThat(feed.jdbc().queryForObject("select count(*) from promise_window", Long.class)).isZero();
    }

    @Test
    void ofTwoInstancesStartingAtOnceOnTheSamePolicyTheOneRefusedFindsTheSwitchRecorded() {
        try (EventFeed own = new EventFeed(ReadModelDatabase.fresh())) {
            PolicyTimeline other = new PolicyTimeline(own.history(), ScoringPolicies.v1(), own.transactions());
            PolicyTimeline refused = new PolicyTimeline(readBefore(own, () -> other.recordStart("host-b/2", "start-b")),
                    ScoringPolicies.v1(), own.transactions());

            assertThat(refused.recordStart("host-a/1", "start-a")).isFalse();
            assertThat(own.history().events(ScoringPolicySwitched.STREAM, 0)).extracting(event -> (Object) event.getPayload())
                    .containsExactly(new ScoringPolicySwitched(null, "v1", "host-b/2", "start-b"));
        }
    }

    @Test
    void ofTwoInstancesStartingAtOnceOnDifferentPoliciesTheOneRefusedFailsToStart() {
        try (EventFeed own = new EventFeed(ReadModelDatabase.fresh())) {
            PolicyTimeline other = new PolicyTimeline(own.history(), ScoringPolicies.of("v2"), own.transactions());
            PolicyTimeline refused = new PolicyTimeline(readBefore(own, () -> other.recordStart("host-b/2", "start-b")),
                    ScoringPolicies.v1(), own.transactions());

            assertThatThrownBy(() -> refused.recordStart("host-a/1", "start-a")).isInstanceOf(RuntimeException.class);
            assertThat(refused.policies().newest("")).isEqualTo("v2");
        }
    }

    /** A history whose first read of the policy stream comes just before another instance records its start. */
    private static EventHistory readBefore(EventFeed own, Runnable otherStart) {
        EventHistory history = own.history();
        AtomicBoolean first = new AtomicBoolean(true);
        return new ForwardingEventHistory(history) {
            @Override
            public List<? extends DomainEventMessage<?>> events(String customerId, long fromSequence) {
                List<? extends DomainEventMessage<?>> read = history.events(customerId, fromSequence);
                if (first.getAndSet(false)) {
                    // another thread, so its own transaction, committed before this one appends
                    Thread start = new Thread(otherStart);
                    start.start();
                    try {
                        start.join();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return read;
            }
        };
    }

    private static PolicyTimeline timeline(String version) {
        return new PolicyTimeline(feed.history(), ScoringPolicies.of(version), feed.transactions());
    }
}
