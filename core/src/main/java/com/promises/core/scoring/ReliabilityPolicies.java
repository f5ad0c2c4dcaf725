package com.promises.core.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every scoring policy the service knows, by version. A new version goes beside the old ones,
 * never over them: switching is a rebuild of the read models, and the history stays as it was.
 */
public final class ReliabilityPolicies {

    private static final Bands BANDS = new Bands(new BigDecimal("85"), new BigDecimal("70"), new BigDecimal("50"));

    /** DOMAIN.md's starting policy, exactly as written there. */
    public static final RecencyWeightedPolicy V1 = new RecencyWeightedPolicy("v1",
            new Credits(1.0, 0.9, 0.8, 0.0, 0.6, 0.3),
            0.85, 2.0, 2, 2, BANDS, 3, 5);

    /**
     * A stricter variant: older promises fade faster (0.80) and a renegotiation after the due date
     * earns only 0.2. Kept so the projections can prove a version switch rebuilds every score.
     */
    public static final RecencyWeightedPolicy V2 = new RecencyWeightedPolicy("v2",
            new Credits(1.0, 0.9, 0.8, 0.0, 0.6, 0.2),
            0.80, 2.0, 2, 2, BANDS, 3, 5);

    private static final Map<String, ReliabilityPolicy> BY_VERSION = List.<ReliabilityPolicy>of(V1, V2).stream()
            .collect(Collectors.toUnmodifiableMap(ReliabilityPolicy::version, Function.identity()));

    private ReliabilityPolicies() {
    }

    public static ReliabilityPolicy byVersion(String version) {
        ReliabilityPolicy policy = BY_VERSION.get(version);
        if (policy == null) {
            throw new IllegalArgumentException("Unknown scoring policy version '" + version
                    + "'; known versions: " + BY_VERSION.keySet().stream().sorted().toList());
        }
        return policy;
    }

    public static List<String> versions() {
        return BY_VERSION.keySet().stream().sorted().toList();
    }
}
