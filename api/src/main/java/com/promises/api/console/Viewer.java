package com.promises.api.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.stream.Collectors;

/** Who is looking at a page, and so what it shows: command forms only to collectors, the admin page only to admins. */
public record Viewer(String name, boolean collector, boolean auditor, boolean admin) {

    static Viewer of(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new Viewer(authentication.getName(), roles.contains("ROLE_COLLECTOR"), roles.contains("ROLE_AUDITOR"),
                roles.contains("ROLE_ADMIN"));
    }
}
