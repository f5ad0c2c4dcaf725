package com.promises.api.infrastructure.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for the slow password check: the password is "right" for every name, and each check is counted. */
final class CountedPasswordCheck implements AuthenticationProvider {

    final AtomicInteger checks = new AtomicInteger();

    @Override
    public Authentication authenticate(Authentication presented) {
        checks.incrementAndGet();
        if (!"right".equals(presented.getCredentials())) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(presented.getName(), null,
                AuthorityUtils.createAuthorityList("ROLE_COLLECTOR"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return true;
    }
}
