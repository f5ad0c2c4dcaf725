package com.promises.api.infrastructure.problem;

import java.util.List;

/**
 * A request whose fields are well-formed JSON but cannot be read as the order it describes,
 * found while translating it (an amount with more decimals than its currency has). Answered as 400
 * with the fields, like a Bean Validation failure.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(String field, String message) {
        super(field + " " + message);
        this.errors = List.of(new FieldProblem(field, message));
    }

    public InvalidRequestException(List<FieldProblem> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
