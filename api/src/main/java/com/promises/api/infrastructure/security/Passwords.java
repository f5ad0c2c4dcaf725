package com.promises.api.infrastructure.security;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Spring's {id}-prefixed password encodings, but with {noop} passwords compared in constant time: Spring
 * compares those with String.equals, which returns at the first differing character, so the time of an
 * answer would tell how much of a guess was right.
 */
final class Passwords implements PasswordEncoder {

    private static final String PLAIN = "{noop}";

    private final PasswordEncoder encoded = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Override
    public String encode(CharSequence raw) {
        return encoded.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String stored) {
        if (stored != null && stored.startsWith(PLAIN)) {
            // Digests of equal length, so neither where a guess goes wrong nor how long it is shows in the time.
            return MessageDigest.isEqual(sha256(raw.toString()), sha256(stored.substring(PLAIN.length())));
        }
        return encoded.matches(raw, stored);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
