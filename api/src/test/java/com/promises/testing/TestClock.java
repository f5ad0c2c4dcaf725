package com.promises.testing;

import com.promises.core.testing.UtcTestClock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

import java.time.Clock;
import java.time.Instant;

/**
 * The tests' business time: it starts at {@link #START} when the test JVM starts and runs on with real time. A test's
 * "today" and the service's are then the same date on whatever day the suite runs (with the system's calendar the two
 * could fall on either side of midnight), and events recorded during a run still get distinct, increasing
 * timestamps. Axon stamps every event of this JVM by it ({@link StampingEvents}), so an auditor's question "as of now"
 * sees what was just recorded. The shared test context answers by it ({@link InTheSharedContext}); a test that pins
 * {@code promises.clock.fixed} or brings a clock of its own keeps its own business time.
 */
public final class TestClock extends UtcTestClock {

    /** A morning: a run would have to last fifteen hours to reach the next day. */
    public static final Instant START = Instant.parse("2026-06-15T09:00:00Z");
    public static final TestClock INSTANCE = new TestClock();

    private final long startedAt = System.nanoTime();

    private TestClock() {
    }

    @Override
    public Instant instant() {
        return START.plusNanos(System.nanoTime() - startedAt);
    }

    /** Registered with JUnit (META-INF/services): before the first test of the JVM, Axon's messages take this time. */
    public static final class StampingEvents implements LauncherSessionListener {
        @Override
        public void launcherSessionOpened(LauncherSession session) {
            GenericEventMessage.clock = INSTANCE;
        }
    }

    /** The business clock of {@link IntegrationTest}'s context, unless the test class pins one by property. */
    public static final class InTheSharedContext implements ApplicationContextInitializer<GenericApplicationContext> {
        @Override
        public void initialize(GenericApplicationContext context) {
            if (context.getEnvironment().containsProperty("promises.clock.fixed")) {
                return;
            }
            context.registerBean("testClock", Clock.class, () -> INSTANCE, definition -> definition.setPrimary(true));
        }
    }
}
