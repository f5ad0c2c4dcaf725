package com.promises.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Collections and the time the JVM's collectors report over one stretch: with the shipped collector (G1) the young
 * and mixed collections are stop-the-world pauses. The whole JVM: the load generator shares it with the service.
 */
record GcSpent(long collections, long millis) {

    static GcSpent now() {
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new GcSpent(collections, millis);
    }

    GcSpent since(GcSpent start) {
        return new GcSpent(collections - start.collections, millis - start.millis);
    }

    /** "GC: 12 collections, 85 ms in 20 s (0.4%)". */
    String over(double seconds) {
        return String.format(Locale.ROOT, "GC: %d collections, %d ms in %.0f s (%.1f%%)", collections, millis, seconds,
                seconds <= 0 ? 0 : millis / (seconds * 10));
    }
}
