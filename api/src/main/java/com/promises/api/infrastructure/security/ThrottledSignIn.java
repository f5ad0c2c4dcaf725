package com.promises.api.infrastructure.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;

/**
 * Refuses sign-ins under a name or from an address that failed too often lately, before any password is
 * looked at (a right guess must not show through a lockout), and logs and counts every failure: the name
 * and the address, never the password.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final AuthenticationProvider signIn;
    private final FailedSignIns failures;

    ThrottledSignIn(AuthenticationProvider signIn, FailedSignIns failures) {
        this.signIn = signIn;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        String name = presented.getName();
        String address = addressOf(presented);
        Duration locked = failures.lockedFor(name, address);
        if (!locked.isZero()) {
            throw new TooManyFailedSignInsException(locked);
        }
        try {
            return signIn.authenticate(presented);
        } catch (BadCredentialsException refused) {
            log.warn("Failed sign-in for user '{}' from {}", Printable.of(name), address);
            failures.failed(name, address);
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return signIn.supports(authentication);
    }

    /** The peer's address; behind a proxy, the client's only when the server is told to read forwarded headers. */
    private static String addressOf(Authentication presented) {
        return presented.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "an unknown address";
    }
}
