package com.promises.api.infrastructure.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Who may sign in. With no users configured, the embedded database (a local trial) gets a demo
 * set with documented passwords; an external database (a real installation) refuses to start
 * rather than run open or with passwords everyone knows.
 */
final class Users {

    private static final Logger log = LoggerFactory.getLogger(Users.class);

    static final List<ConfiguredUser> DEMO = List.of(
            new ConfiguredUser("collector", "{noop}collector", Set.of(Role.COLLECTOR)),
            new ConfiguredUser("auditor", "{noop}auditor", Set.of(Role.AUDITOR)),
            new ConfiguredUser("admin", "{noop}admin", Set.of(Role.ADMIN)));

    private Users() {
    }

    static List<ConfiguredUser> resolve(String configured, boolean externalDatabase) {
        if (configured != null && !configured.isBlank()) {
            List<ConfiguredUser> users = ConfiguredUser.parseAll(configured);
            if (users.isEmpty()) {
                throw new InvalidUsersException("promises.security.users (PROMISES_SECURITY_USERS) names no user.");
            }
            log.info("Users: {}", users);
            return users;
        }
        if (externalDatabase) {
            throw new InvalidUsersException("No users are configured (promises.security.users / PROMISES_SECURITY_USERS) "
                    + "and the database is external (spring.datasource.url is set). The service will not start "
                    + "with demo passwords in front of real data.");
        }
        log.warn("""

                No users configured (PROMISES_SECURITY_USERS); on the embedded database these demo users are active:
                    collector / collector   COLLECTOR  (posts commands, reads)
                    auditor   / auditor     AUDITOR    (reads, history, audit)
                    admin     / admin       ADMIN      (reads, projection rebuilds)
                Set PROMISES_SECURITY_USERS=name:{bcrypt}hash:ROLE,... before keeping real data.""");
        return DEMO;
    }
}
