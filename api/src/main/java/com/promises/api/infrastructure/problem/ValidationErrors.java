package com.promises.api.infrastructure.problem;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures as {field, message} pairs, in a stable order. */
final class ValidationErrors {

    private ValidationErrors() {
    }

    static List<FieldProblem> of(BindingResult result) {
        List<FieldProblem> errors = new ArrayList<>();
        addAll(result, "", errors);
        return sorted(errors);
    }

    /** Path variables, and bodies when a method has constrained parameters too. */
    static List<FieldProblem> of(HandlerMethodValidationException exception) {
        List<FieldProblem> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> {
            if (result instanceof Errors bodyErrors) {
                addAll(bodyErrors, "", errors);
            } else {
                String parameter = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldProblem(parameter, error.getDefaultMessage()));
                }
            }
        });
        return sorted(errors);
    }

    private static void addAll(Errors source, String prefix, List<FieldProblem> errors) {
        source.getFieldErrors().forEach(error ->
                errors.add(new FieldProblem(prefix + error.getField(), error.getDefaultMessage())));
        source.getGlobalErrors().forEach(error ->
                errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
    }

    private static List<FieldProblem> sorted(List<FieldProblem> errors) {
        errors.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return List.copyOf(errors);
    }
}
