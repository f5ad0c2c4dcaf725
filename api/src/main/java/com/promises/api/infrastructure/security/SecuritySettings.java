package com.promises.api.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param users            comma-separated {@code name:password:ROLE[+ROLE...]} ({@code PROMISES_SECURITY_USERS})
 * @param verifiedFor      how long a checked name and password are trusted without hashing the password again
 * @param verifiedMaxUsers how many checked credentials are remembered at most
 * @param maxFailures      failed sign-ins under one name, or from one address, after which sign-ins there are
 *                         refused (429) until the count has fallen back below it
 * @param failureWindow    the time over which maxFailures are allowed (the count falls evenly across it)
 */
@ConfigurationProperties("promises.security")
record SecuritySettings(@DefaultValue("") String users,
                        @DefaultValue("10m") Duration verifiedFor,
                        @DefaultValue("10000") int verifiedMaxUsers,
                        @DefaultValue("10") int maxFailures,
                        @DefaultValue("5m") Duration failureWindow) {
}
