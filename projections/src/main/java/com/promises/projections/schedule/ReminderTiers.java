package com.promises.projections.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * How many days before the due date to remind, by amount in the account's currency (seed 002: earlier for
 * larger sums). {@code promises.reminders.tiers[0].below=10000, ...lead-days=1}; amounts at or above every
 * tier's bound get {@code promises.reminders.largest-lead-days}.
 */
@ConfigurationProperties("promises.reminders")
public record ReminderTiers(@DefaultValue List<Tier> tiers, @DefaultValue("7") int largestLeadDays) {

    public record Tier(BigDecimal below, int leadDays) {
    }

    public ReminderTiers {
        if (tiers == null || tiers.isEmpty()) {
            tiers = List.of(new Tier(new BigDecimal("10000"), 1), new Tier(new BigDecimal("100000"), 3));
        }
        tiers = tiers.stream().sorted(Comparator.comparing(Tier::below)).toList();
    }

    int leadDays(BigDecimal amount) {
        for (Tier tier : tiers) {
            if (amount.compareTo(tier.below()) < 0) {
                return tier.leadDays();
            }
        }
        return largestLeadDays;
    }

    int longestLead() {
        return Math.max(largestLeadDays, tiers.stream().mapToInt(Tier::leadDays).max().orElse(0));
    }
}
