package com.promises.api.infrastructure.security;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Past the limit, no password is looked at: a right guess must not show through a lockout. */
class ThrottledSignInTest {

    private final CountedPasswordCheck passwordCheck = new CountedPasswordCheck();
    private final ThrottledSignIn signIn = new ThrottledSignIn(passwordCheck,
            new FailedSignIns(2, Duration.ofMinutes(5), TimeMeter.SYSTEM_NANOTIME, new SimpleMeterRegistry()));

    @Test
    void afterTheLimitEvenTheRightPasswordIsRefusedUncheckedWithTheTimeToWait() {
        catchThrowable(() -> signIn.authenticate(presented("wrong")));
        catchThrowable(() -> signIn.authenticate(presented("wrong")));

        Throwable refused = catchThrowable(() -> signIn.authenticate(presented("right")));

        assertThat(refused).isInstanceOf(TooManyFailedSignInsException.class);
        assertThat(((TooManyFailedSignInsException) refused).retryAfterSeconds()).isBetween(1L, 150L);
        assertThat(passwordCheck.checks).hasValue(2);
    }

    @Test
    void successesAreNotCounted() {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.authenticate(presented("right")).isAuthenticated()).isTrue();
        }
        assertThat(catchThrowable(() -> signIn.authenticate(presented("wrong")))).isInstanceOf(BadCredentialsException.class);
    }

    private static Authentication presented(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("ana", password);
    }
}
