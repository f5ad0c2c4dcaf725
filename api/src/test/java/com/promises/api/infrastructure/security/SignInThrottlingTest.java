package com.promises.api.infrastructure.security;

import com.promises.testing.Api;
import com.promises.testing.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are logged, counted and, past promises.security.max-failures in the window,
 * answered 429 for a while. Every request of a test comes from one address, so this context of its
 * own, with a low limit, holds one scenario: the address locks with the user.
 */
@IntegrationTest
@TestPropertySource(properties = {"promises.security.max-failures=3", "promises.security.failure-window=10m"})
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingTest {

    private static final String CUSTOMER = "/api/v1/customers/anyone";

    @Value("${local.server.port}")
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void failuresAreLoggedAndCountedAndTheFourthAttemptWithinTheWindowIs429(CapturedOutput output) {
        Api api = new Api(port);

        var first = api.anonymous().basic("collector", "guess-number-one").get(CUSTOMER);
        String metrics = api.as(ADMIN).get("/actuator/prometheus").body();
        var second = api.anonymous().basic("collector", "guess-number-two").get(CUSTOMER);
        var third = api.anonymous().basic("Collector", "guess-number-three").get(CUSTOMER);
        var rightPasswordTooLate = api.as(COLLECTOR).get(CUSTOMER);
        var anotherUserFromTheSameAddress = api.as(AUDITOR).get(CUSTOMER);

        assertThat(first.status()).isEqualTo(401);
        assertThat(second.status()).isEqualTo(401);
        assertThat(third.status()).isEqualTo(401);
        assertThat(metrics).containsPattern("promises_sign_in_failures_total\\{[^}]*} 1\\.0")
                .contains("promises_sign_in_lockouts_total");
        for (var refused : new Api.Answer[]{rightPasswordTooLate, anotherUserFromTheSameAddress}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("TOO_MANY_SIGN_IN_FAILURES");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        }
        assertThat(count("promises.sign-in.failures")).isEqualTo(3);
        assertThat(count("promises.sign-in.lockouts")).isGreaterThanOrEqualTo(1);
        assertThat(output.getOut()).contains("Failed sign-in").contains("collector").contains("127.0.0.1")
                .doesNotContain("guess-number");
    }

    private double count(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
