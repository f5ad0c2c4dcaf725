package com.promises.projections.summary;

import com.promises.core.scoring.ReliabilityPolicies;
import com.promises.core.scoring.ReliabilityPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which scoring policy the read models use ({@code promises.scoring.policy-version}, default v1). Switching it
 * takes a rebuild of the read models; the history is never touched. An unknown version stops startup.
 */
@Component
public class ScoringPolicySettings {

    private final ReliabilityPolicy policy;

    ScoringPolicySettings(@Value("${promises.scoring.policy-version:v1}") String version) {
        this.policy = ReliabilityPolicies.byVersion(version);
    }

    public ReliabilityPolicy policy() {
        return policy;
    }
}
