package com.promises.api.infrastructure.startup;

import com.promises.api.infrastructure.persistence.DatabaseUnreachableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An external database that does not answer: name the setting, not the stack. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(
                "Cannot connect to the database set by spring.datasource.url (SPRING_DATASOURCE_URL) = "
                        + cause.url() + ": " + cause.reason(),
                "Start that PostgreSQL server or correct spring.datasource.url, spring.datasource.username and "
                        + "spring.datasource.password; or unset spring.datasource.url to run on the embedded database.",
                cause);
    }
}
