package com.promises.api.infrastructure.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {noop} passwords match exactly, whatever their length or script; other encodings are Spring's. */
class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void aPlainPasswordMatchesOnlyItself() {
        assertThat(passwords.matches("collector-pw", "{noop}collector-pw")).isTrue();
        assertThat(passwords.matches("collector-p", "{noop}collector-pw")).isFalse();
        assertThat(passwords.matches("collector-pw ", "{noop}collector-pw")).isFalse();
        assertThat(passwords.matches("Collector-pw", "{noop}collector-pw")).isFalse();
        assertThat(passwords.matches("", "{noop}collector-pw")).isFalse();
        assertThat(passwords.matches("口令-π", "{noop}口令-π")).isTrue();
    }

    @Test
    void aBcryptPasswordIsCheckedByBcrypt() {
        String hash = passwords.encode("ledger-pw");

        assertThat(hash).startsWith("{bcrypt}");
        assertThat(passwords.matches("ledger-pw", hash)).isTrue();
        assertThat(passwords.matches("ledger-pw!", hash)).isFalse();
    }
}
