package com.promises.api.infrastructure.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One user of {@code promises.security.users}: {@code name:password:ROLE[+ROLE...]}, the password
 * in Spring's {@code {id}encoded} form ({@code {bcrypt}$2a$10$...} or {@code {noop}plain}).
 */
record ConfiguredUser(String name, String password, Set<Role> roles) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern ENCODED_PASSWORD = Pattern.compile("\\{[A-Za-z0-9_-]+}.+");

    /** Parses the whole property; every mistake is reported at once, never with a password in it. */
    static List<ConfiguredUser> parseAll(String property) {
        List<ConfiguredUser> users = new ArrayList<>();
        List<String> mistakes = new ArrayList<>();
        Map<String, String> nameInAnyCase = new HashMap<>();
        String[] entries = property.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                ConfiguredUser user = parse(entry);
                String earlier = nameInAnyCase.putIfAbsent(user.name().toLowerCase(Locale.ROOT), user.name());
                if (user.name().equals(earlier)) {
                    mistakes.add("user " + user.name() + " appears twice");
                } else if (earlier != null) {
                    // Names match in any case at sign-in; two such users would be one.
                    mistakes.add("users " + user.name() + " and " + earlier + " differ only by case");
                }
                users.add(user);
            } catch (IllegalArgumentException e) {
                mistakes.add("entry " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!mistakes.isEmpty()) {
            throw new InvalidUsersException(mistakes);
        }
        return List.copyOf(users);
    }

    /** The password may itself contain ':'; the name is before the first, the roles after the last. */
    static ConfiguredUser parse(String entry) {
        int first = entry.indexOf(':');
        int last = entry.lastIndexOf(':');
        if (first < 0 || first == last) {
            throw new IllegalArgumentException("expected name:password:ROLE[+ROLE...]");
        }
        String name = entry.substring(0, first);
        String password = entry.substring(first + 1, last);
        String roles = entry.substring(last + 1);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the name must be 1-64 characters from A-Z, a-z, 0-9, '.', '_', '@', '-'");
        }
        if (!ENCODED_PASSWORD.matcher(password).matches()) {
            throw new IllegalArgumentException("the password of " + name
                    + " must name its encoding, as {noop}plain-text or {bcrypt}$2a$10$...");
        }
        return new ConfiguredUser(name, password, parseRoles(name, roles));
    }

    private static Set<Role> parseRoles(String name, String roles) {
        Set<Role> parsed = new HashSet<>();
        for (String role : roles.split("\\+")) {
            try {
                parsed.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("user " + name + " has an unknown role '" + role
                        + "'; roles are COLLECTOR, AUDITOR and ADMIN");
            }
        }
        return Set.copyOf(parsed);
    }

    @Override
    public String toString() {
        return name + " " + roles;
    }
}
