package com.promises.api.infrastructure.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;

/**
 * Checks a name and password with the slow password hash once, then trusts the same pair for a
 * while. The cache key is the name with an HMAC-SHA-256 of the presented password under a key made
 * at start-up: a wrong password never matches an entry, and the memory holds no password nor a hash
 * anyone could test guesses against. Only successes are remembered, so failures cost the full check.
 * A hit signs in under the name the full check gave (the configured one), not the name as typed. Looking
 * the key up compares MACs, whose timing tells nothing to whoever cannot compute them.
 */
class VerifiedCredentials implements AuthenticationProvider {

    private record Key(String name, String passwordMac) {
    }

    /** Who the full check said the user is. */
    private record Verified(String name, Collection<? extends GrantedAuthority> authorities) {
    }

    private final AuthenticationProvider passwordCheck;
    private final Cache<Key, Verified> verified;
    private final SecretKeySpec macKey;

    VerifiedCredentials(AuthenticationProvider passwordCheck, Duration verifiedFor, int maxEntries) {
        this.passwordCheck = passwordCheck;
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(verifiedFor).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.macKey = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        Object credentials = presented.getCredentials();
        if (credentials == null) {
            return passwordCheck.authenticate(presented);
        }
        Key key = new Key(presented.getName(), mac(credentials.toString()));
        Verified known = verified.getIfPresent(key);
        if (known != null) {
            return UsernamePasswordAuthenticationToken.authenticated(known.name(), null, known.authorities());
        }
        Authentication checked = passwordCheck.authenticate(presented);
        if (checked != null && checked.isAuthenticated()) {
            verified.put(key, new Verified(checked.getName(), checked.getAuthorities()));
        }
        return checked;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
