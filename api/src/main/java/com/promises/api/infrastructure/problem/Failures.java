package com.promises.api.infrastructure.problem;

import org.slf4j.Logger;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLTransientConnectionException;
import java.util.UUID;

/** Reading exceptions for what they mean to a client, and answering the unexpected ones safely. */
final class Failures {

    private Failures() {
    }

    static Throwable causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    static boolean isDatabaseUnavailable(Throwable failure) {
        return causedBy(failure, CannotGetJdbcConnectionException.class) != null
                || causedBy(failure, SQLTransientConnectionException.class) != null;
    }

    /** A 500 that says nothing about the inside; the log has the rest under the same reference. */
    static ProblemDetail internalError(Throwable failure, Logger log) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure [reference {}]", reference, failure);
        ProblemDetail problem = Problems.of(ProblemCode.INTERNAL_ERROR,
                "Something went wrong on our side; quote reference " + reference + " when you report it.");
        problem.setProperty("reference", reference);
        return problem;
    }
}
