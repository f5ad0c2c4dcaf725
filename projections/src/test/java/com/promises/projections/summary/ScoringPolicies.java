package com.promises.projections.summary;

/** The scoring settings as the service builds them from promises.scoring.policy-version. */
public final class ScoringPolicies {

    private ScoringPolicies() {
    }

    public static ScoringPolicySettings v1() {
        return of("v1");
    }

    public static ScoringPolicySettings of(String version) {
        return new ScoringPolicySettings(version);
    }
}
