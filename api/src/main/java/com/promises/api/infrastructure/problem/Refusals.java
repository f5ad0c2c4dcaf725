package com.promises.api.infrastructure.problem;

import com.promises.core.account.CommandRejected;
import com.promises.core.account.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/** The account's refusals as problems, for the API's answers and the console's pages alike. */
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

    public static ProblemDetail problemOf(CommandRejected rejected) {
        String field = fieldOf(rejected);
        List<FieldProblem> errors = field == null ? List.of() : List.of(new FieldProblem(field, rejected.getMessage()));
        return Problems.of(STATUS_OF_KIND.get(rejected.kind()), rejected.code(), rejected.getMessage(), errors);
    }

    /** The field at fault, or null when the refusal is about the request as a whole. */
    public static String fieldOf(CommandRejected rejected) {
        return FIELD_OF_REJECTION.get(rejected.rejection());
    }
}
