package com.promises.core.scoring;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy in force at an instant, from the switches the service recorded. */
class PoliciesInForceTest {

    private static final Instant FIRST_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant SWITCH = Instant.parse("2026-06-01T00:00:00Z");

    private final PoliciesInForce policies = PoliciesInForce.of(
            List.of(new ScoringPolicySwitched(null, "v1", "host:1", "s-1"), new ScoringPolicySwitched("v1", "v2", "host:2", "s-2")),
            List.of(FIRST_START, SWITCH));

    @Test
    void eachSwitchHoldsFromItsRecordingUntilTheNext() {
        assertThat(policies.versionAt(SWITCH.minusMillis(1), "v9")).isEqualTo("v1");
        assertThat(policies.versionAt(SWITCH, "v9")).isEqualTo("v2");
        assertThat(policies.versionAt(SWITCH.plusSeconds(86_400 * 365), "v9")).isEqualTo("v2");
        assertThat(policies.newest("v9")).isEqualTo("v2");
    }

    @Test
    void beforeTheFirstSwitchTheFirstPolicyRecordedHolds() {
        assertThat(policies.versionAt(FIRST_START.minusSeconds(1), "v9")).isEqualTo("v1");
    }

    @Test
    void withNoSwitchRecordedTheFallbackHolds() {
        PoliciesInForce none = PoliciesInForce.of(List.of(), List.of());
        assertThat(none.versionAt(SWITCH, "v2")).isEqualTo("v2");
        assertThat(none.newest("v1")).isEqualTo("v1");
    }
}
