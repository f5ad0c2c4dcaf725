package com.promises.api.infrastructure.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a name and password against the configured users. A name matches in any case and signs in as
 * the configured one, so every event and every Idempotency-Key of a user carries one name. An unknown name
 * costs what a wrong password costs: the password is checked against a configured user's hash (always the
 * same one for the same name) and refused whatever the outcome, so timing does not tell which names exist.
 */
class PasswordCheck implements AuthenticationProvider {

    private record Account(ConfiguredUser user, List<GrantedAuthority> authorities) {
    }

    private final Map<String, Account> byName;
    private final List<String> decoyHashes;
    private final int decoySeed = new SecureRandom().nextInt();
    private final PasswordEncoder passwords;

    /** @param users names unique in any case (ConfiguredUser.parseAll sees to that) */
    PasswordCheck(List<ConfiguredUser> users, PasswordEncoder passwords) {
        this.byName = users.stream().collect(Collectors.toUnmodifiableMap(user -> key(user.name()), user ->
                new Account(user, AuthorityUtils.createAuthorityList(
                        user.roles().stream().map(role -> "ROLE_" + role.name()).toArray(String[]::new)))));
        this.decoyHashes = users.stream().map(ConfiguredUser::password).toList();
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        String name = presented.getName();
        String password = presented.getCredentials() == null ? "" : presented.getCredentials().toString();
        Account account = byName.get(key(name));
        boolean matches = passwords.matches(password, account != null ? account.user().password() : decoyFor(name));
        if (account == null || !matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(account.user().name(), null, account.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** With users of several encodings, the same unknown name costs the same every time it is tried. */
    private String decoyFor(String name) {
        return decoyHashes.get(Math.floorMod(key(name).hashCode() ^ decoySeed, decoyHashes.size()));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
