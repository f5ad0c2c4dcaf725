package com.promises.api.infrastructure.problem;

import org.slf4j.Logger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Reading exceptions for what they mean to a client, and answering the unexpected ones safely. */
final class Failures {

    /** What a 503 asks the client to wait before it tries again: long enough for a database to restart. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Once a statement finds the server gone, Hikari closes that connection, and every later call in the same
     * transaction (the next query, the rollback) fails with this message and no SQL state.
     */
    private static final String POOL_CLOSED_BROKEN_CONNECTION = "Connection is closed";

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

    /**
     * The database could not be reached, or ended the session (stopped, restarting): no connection in time, a
     * connection error (SQL state class 08) or the server's shutdown (57P). Whatever the request did was not
     * committed, or, when the commit itself was cut off, is found by a retry with the same Idempotency-Key.
     */
    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionLost(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionLost(SQLException failure) {
        for (SQLException sql = failure; sql != null; sql = sql.getNextException()) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))
                    || state == null && POOL_CLOSED_BROKEN_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A 503 the client may retry after {@link #RETRY_AFTER_SECONDS}. */
    static ProblemDetail databaseUnavailable(Throwable failure, Logger log) {
        return logged(failure, log, "Database unavailable", ProblemCode.SERVICE_UNAVAILABLE,
                reference -> "The database is not available; try again shortly (reference " + reference + ").");
    }

    /** The answer carrying a problem: problem+json, and for a 503 when to try again. */
    static ResponseEntity.BodyBuilder answerTo(ProblemDetail problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer;
    }

    /** A 500 that says nothing about the inside. */
    static ProblemDetail internalError(Throwable failure, Logger log) {
        return logged(failure, log, "Unexpected failure", ProblemCode.INTERNAL_ERROR,
                reference -> "Something went wrong on our side; quote reference " + reference + " when you report it.");
    }

    /** The log keeps the failure under a new reference, which the problem quotes instead of any detail of it. */
    private static ProblemDetail logged(Throwable failure, Logger log, String what, ProblemCode code,
                                        UnaryOperator<String> detailQuoting) {
        String reference = UUID.randomUUID().toString();
        log.error("{} [reference {}]", what, reference, failure);
        ProblemDetail problem = Problems.of(code, detailQuoting.apply(reference));
        problem.setProperty("reference", reference);
        return problem;
    }
}
