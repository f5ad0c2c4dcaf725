package com.promises.api.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A password is hashed once per user and password; a wrong password is always checked in full. */
class VerifiedCredentialsTest {

    private final CountedPasswordCheck passwordCheck = new CountedPasswordCheck();
    private final VerifiedCredentials credentials = new VerifiedCredentials(passwordCheck, Duration.ofMinutes(10), 100);

    @Test
    void theSameRightPasswordIsCheckedOnce() {
        Authentication first = credentials.authenticate(presented("ana", "right"));
        Authentication second = credentials.authenticate(presented("ana", "right"));

        assertThat(passwordCheck.checks).hasValue(1);
        assertThat(second.getName()).isEqualTo("ana");
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
    }

    @Test
    void aRememberedSignInIsUnderTheNameTheFullCheckGave() {
        VerifiedCredentials canonical = new VerifiedCredentials(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication presented) {
                return UsernamePasswordAuthenticationToken.authenticated("ana", null,
                        AuthorityUtils.createAuthorityList("ROLE_COLLECTOR"));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        }, Duration.ofMinutes(10), 100);

        canonical.authenticate(presented("ANA", "right"));
        Authentication remembered = canonical.authenticate(presented("ANA", "right"));

        assertThat(remembered.getName()).isEqualTo("ana");
    }

    @Test
    void aWrongPasswordAfterARightOneIsCheckedAndRefused() {
        credentials.authenticate(presented("ana", "right"));

        Throwable refused = catchThrowable(() -> credentials.authenticate(presented("ana", "wrong")));

        assertThat(refused).isInstanceOf(BadCredentialsException.class);
        assertThat(passwordCheck.checks).hasValue(2);
    }

    @Test
    void aRefusalIsNotRemembered() {
        catchThrowable(() -> credentials.authenticate(presented("ana", "wrong")));
        catchThrowable(() -> credentials.authenticate(presented("ana", "wrong")));

        assertThat(passwordCheck.checks).hasValue(2);
    }

    @Test
    void anotherUserWithTheSamePasswordIsCheckedSeparately() {
        credentials.authenticate(presented("ana", "right"));
        credentials.authenticate(presented("bo", "right"));

        assertThat(passwordCheck.checks).hasValue(2);
    }

    private static Authentication presented(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
