package com.promises.core.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which scoring policy was in force when, from the recorded switches, oldest first. Before the first recorded switch
 * the first policy recorded is taken to have been in force: the service recorded no switch before it.
 */
public record PoliciesInForce(List<Period> periods) {

    /** The policy {@code version} in force from {@code from} until the next period begins. */
    public record Period(String version, Instant from) {
    }

    public PoliciesInForce {
        periods = List.copyOf(periods);
    }

    /** From the switches and the times they were recorded, oldest first. */
    public static PoliciesInForce of(List<ScoringPolicySwitched> switches, List<Instant> recordedAt) {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < switches.size(); i++) {
            periods.add(new Period(switches.get(i).to(), recordedAt.get(i)));
        }
        return new PoliciesInForce(periods);
    }

    /** The version in force at this instant, or {@code otherwise} when no switch was ever recorded. */
    public String versionAt(Instant instant, String otherwise) {
        if (periods.isEmpty()) {
            return otherwise;
        }
        String version = periods.get(0).version();
        for (Period period : periods) {
            if (period.from().isAfter(instant)) {
                break;
            }
            version = period.version();
        }
        return version;
    }

    /** The version most recently switched to, or {@code otherwise} when none was ever recorded. */
    public String newest(String otherwise) {
        return periods.isEmpty() ? otherwise : periods.get(periods.size() - 1).version();
    }
}
