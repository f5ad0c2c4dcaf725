package com.promises.api.infrastructure.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.promises.api.command.ConcurrentChangeException;
import com.promises.core.account.CommandRejected;
import com.promises.core.account.Rejection;
import com.promises.projections.CustomerNotFoundException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The problem a refused command or a client's mistake means, wherever it is answered: in an HTTP response, beside
 * an imported line, or beside a console form's field. Anything else is the service's own failure, not the client's.
 */
public final class Refusals {

    private static final Map<Rejection.Kind, HttpStatus> STATUS_OF_KIND = Map.of(
            Rejection.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            Rejection.Kind.CONFLICT, HttpStatus.CONFLICT,
            Rejection.Kind.INVALID, HttpStatus.UNPROCESSABLE_ENTITY);

    /** The request field a refusal is about, where there is one. */
    private static final Map<Rejection, String> FIELD_OF_REJECTION = Map.of(
            Rejection.CURRENCY_MISMATCH, "currency",
            Rejection.INVALID_CURRENCY, "currency",
            Rejection.INVALID_AMOUNT, "amount",
            Rejection.INVALID_NAME, "name",
            Rejection.INVALID_PLAN, "installments",
            Rejection.INVALID_FAITH, "faith",
            Rejection.INVALID_SITUATION, "situation",
            Rejection.INVALID_STEP, "step");

    private Refusals() {
    }

    /** The problem for a refusal or a client's mistake; empty for a failure of the service itself. */
    public static Optional<ProblemDetail> problemFor(Throwable failure) {
        if (failure instanceof CommandRejected rejected) {
            return Optional.of(problemOf(rejected));
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(customerNotFound(notFound));
        }
        if (failure instanceof CustomerNotFoundException notFound) {
            return Optional.of(Problems.of(ProblemCode.CUSTOMER_NOT_FOUND, notFound.getMessage()));
        }
        if (failure instanceof ProblemException refused) {
            return Optional.of(Problems.of(refused.code(), refused.getMessage()));
        }
        if (failure instanceof InvalidRequestException invalid) {
            return Optional.of(invalidRequest(invalid));
        }
        if (failure instanceof ConcurrentChangeException conflict) {
            return Optional.of(Problems.of(ProblemCode.CONCURRENT_MODIFICATION, conflict.getMessage()));
        }
        if (failure instanceof JsonProcessingException) {
            return Optional.of(UnreadableBodies.problemFor(failure));
        }
        return Optional.empty();
    }

    public static ProblemDetail problemOf(CommandRejected rejected) {
        String field = fieldOf(rejected);
        List<FieldProblem> errors = field == null ? List.of() : List.of(new FieldProblem(field, rejected.getMessage()));
        return Problems.of(STATUS_OF_KIND.get(rejected.kind()), rejected.code(), rejected.getMessage(), errors);
    }

    /** The field at fault, or null when the refusal is about the request as a whole. */
    public static String fieldOf(CommandRejected rejected) {
        return FIELD_OF_REJECTION.get(rejected.rejection());
    }

    /** The account has no history at all: nobody registered this customer. */
    static ProblemDetail customerNotFound(AggregateNotFoundException notFound) {
        return Problems.of(ProblemCode.CUSTOMER_NOT_FOUND, "No customer " + notFound.getAggregateIdentifier() + " is registered.");
    }

    static ProblemDetail invalidRequest(InvalidRequestException invalid) {
        return Problems.of(ProblemCode.VALIDATION_FAILED, "The request has invalid fields.", invalid.errors());
    }
}
