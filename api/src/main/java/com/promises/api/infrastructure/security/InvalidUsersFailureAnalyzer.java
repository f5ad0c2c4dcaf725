package com.promises.api.infrastructure.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to set, instead of a stack trace, when the users cannot be configured. */
class InvalidUsersFailureAnalyzer extends AbstractFailureAnalyzer<InvalidUsersException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidUsersException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set PROMISES_SECURITY_USERS (or promises.security.users) to a comma-separated list of "
                        + "name:password:ROLE[+ROLE...], for example "
                        + "'ana:{bcrypt}$2a$10$...:COLLECTOR,audit:{noop}change-me:AUDITOR'. Roles: COLLECTOR, AUDITOR, ADMIN.",
                cause);
    }
}
