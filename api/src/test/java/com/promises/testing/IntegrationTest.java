package com.promises.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port against a real PostgreSQL of its own: a fresh embedded server,
 * or a fresh database on the server PROMISES_TEST_DATABASE_URL names. Test classes with the same
 * configuration share one context and so one database: use ids unique to each test. Business time is
 * {@link TestClock}'s unless the class pins {@code promises.clock.fixed}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestDatabase.class, TestClock.InTheSharedContext.class})
public @interface IntegrationTest {
}
