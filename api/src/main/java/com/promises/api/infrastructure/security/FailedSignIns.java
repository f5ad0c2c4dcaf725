package com.promises.api.infrastructure.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;

/**
 * Failed sign-ins per user name (in any case) and per remote address, each counted in a Bucket4j bucket of
 * {@code promises.security.max-failures} tokens that refill evenly over {@code promises.security.failure-window}.
 * While either bucket is empty, sign-ins are refused before any password is looked at. Only a failure makes a
 * bucket, so a sign-in with no failures behind it costs two lookups that find nothing.
 */
class FailedSignIns {

    private static final Logger log = LoggerFactory.getLogger(FailedSignIns.class);

    /** Bounds the memory a flood of invented names or addresses can take; the least recently seen go first. */
    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final TimeMeter time;
    private final Cache<String, Bucket> byUser;
    private final Cache<String, Bucket> byAddress;
    private final Counter failures;
    private final Counter userLockouts;
    private final Counter addressLockouts;

    /**
     * @param time real elapsed time, not the business clock: that one may be pinned (promises.clock.fixed), and
     *             a lockout must still end
     */
    FailedSignIns(int maxFailures, Duration window, TimeMeter time, MeterRegistry meters) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("promises.security.max-failures must be at least 1 and "
                    + "promises.security.failure-window longer than zero");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.time = time;
        // A bucket left alone for a whole window is full again: forgetting it changes nothing.
        this.byUser = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(window).build();
        this.byAddress = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(window).build();
        this.failures = Counter.builder("promises.sign-in.failures")
                .description("Sign-ins refused for a wrong name or password").register(meters);
        this.userLockouts = lockouts(meters, "user");
        this.addressLockouts = lockouts(meters, "address");
    }

    private static Counter lockouts(MeterRegistry meters, String by) {
        return Counter.builder("promises.sign-in.lockouts").tag("by", by)
                .description("Times a user name or an address used up promises.security.max-failures").register(meters);
    }

    /** How long sign-ins under this name or from this address stay refused; zero when they are not. */
    Duration lockedFor(String name, String address) {
        Duration user = waitOf(byUser.getIfPresent(userKey(name)));
        Duration from = waitOf(byAddress.getIfPresent(address));
        return user.compareTo(from) >= 0 ? user : from;
    }

    void failed(String name, String address) {
        failures.increment();
        if (consume(byUser.get(userKey(name), key -> newBucket()))) {
            userLockouts.increment();
            log.warn("Sign-ins as user '{}' are refused for a while: {} failures within {}",
                    Printable.of(name), maxFailures, window);
        }
        if (consume(byAddress.get(address, key -> newBucket()))) {
            addressLockouts.increment();
            log.warn("Sign-ins from {} are refused for a while: {} failures within {}", address, maxFailures, window);
        }
    }

    /** @return whether this failure used up the bucket */
    private static boolean consume(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() && probe.getRemainingTokens() == 0;
    }

    private static Duration waitOf(Bucket bucket) {
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe next = bucket.estimateAbilityToConsume(1);
        return next.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(next.getNanosToWaitForRefill());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(maxFailures).refillGreedy(maxFailures, window))
                .withCustomTimePrecision(time)
                .build();
    }

    private static String userKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
