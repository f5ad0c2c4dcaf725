package com.promises.api.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Who a name and password sign in as, and what a refusal costs, counted as calls to the password
 * encoder: an unknown name must do the same work as a wrong password, or the time of a 401 tells
 * which names exist.
 */
class PasswordCheckTest {

    /** The hashes the encoder was asked to match, in order. */
    private final List<String> hashesChecked = new ArrayList<>();
    private final PasswordEncoder counting = new PasswordEncoder() {
        private final Passwords passwords = new Passwords();

        @Override
        public String encode(CharSequence raw) {
            return passwords.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            hashesChecked.add(hash);
            return passwords.matches(raw, hash);
        }
    };

    /** "ana-pw" at bcrypt's lowest cost, to keep the test quick. */
    private static final String ANA_BCRYPT = "{bcrypt}$2a$04$XO9Urhf1O1jRPxL79v6L4OXTQMAFGWUIhvVp7NSYDi3D7FOnbV7hO";

    @Test
    void anUnknownNameCostsOnePlainComparisonWhenTheUsersArePlain() {
        PasswordCheck check = new PasswordCheck(ConfiguredUser.parseAll("ana:{noop}ana-pw:COLLECTOR,bo:{noop}bo-pw:AUDITOR"), counting);

        refused(check, "ana", "wrong");
        refused(check, "nobody", "wrong");

        assertThat(hashesChecked).hasSize(2).allMatch(hash -> hash.startsWith("{noop}"));
    }

    @Test
    void anUnknownNameCostsOneBcryptWhenTheUsersAreBcrypt() {
        PasswordCheck check = new PasswordCheck(ConfiguredUser.parseAll("ana:" + ANA_BCRYPT + ":COLLECTOR"), counting);

        refused(check, "ana", "wrong");
        refused(check, "nobody", "wrong");

        assertThat(hashesChecked).containsExactly(ANA_BCRYPT, ANA_BCRYPT);
    }

    @Test
    void theSameUnknownNameIsCheckedAgainstTheSameHashEveryTime() {
        PasswordCheck check = new PasswordCheck(ConfiguredUser.parseAll(
                "ana:" + ANA_BCRYPT + ":COLLECTOR,bo:{noop}bo-pw:AUDITOR,cy:{noop}cy-pw:ADMIN"), counting);

        for (int i = 0; i < 5; i++) {
            refused(check, "nobody", "wrong");
            refused(check, "NOBODY", "wrong");
        }

        assertThat(hashesChecked).hasSize(10).containsOnly(hashesChecked.get(0));
    }

    @Test
    void anUnknownNameIsRefusedEvenWithThePasswordItIsCheckedAgainst() {
        PasswordCheck check = new PasswordCheck(ConfiguredUser.parseAll("ana:{noop}shared:COLLECTOR"), counting);

        refused(check, "nobody", "shared");

        assertThat(hashesChecked).containsExactly("{noop}shared");
    }

    @Test
    void aNameInAnyCaseSignsInAsTheConfiguredName() {
        PasswordCheck check = new PasswordCheck(ConfiguredUser.parseAll("Ana.Li:{noop}ana-pw:COLLECTOR+AUDITOR"), counting);

        Authentication signedIn = check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ANA.LI", "ana-pw"));

        assertThat(signedIn.getName()).isEqualTo("Ana.Li");
        assertThat(signedIn.getCredentials()).isNull();
        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_COLLECTOR", "ROLE_AUDITOR");
    }

    private static void refused(PasswordCheck check, String name, String password) {
        assertThat(catchThrowable(() -> check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password))))
                .isInstanceOf(BadCredentialsException.class);
    }
}
