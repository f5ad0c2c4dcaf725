package com.promises.api.console;

import com.promises.api.command.ConcurrentChangeException;
import com.promises.api.infrastructure.problem.FieldProblem;
import com.promises.api.infrastructure.problem.InvalidRequestException;
import com.promises.api.infrastructure.problem.Refusals;
import com.promises.core.account.CommandRejected;
import com.promises.core.money.InvalidMoneyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why a form was not recorded: the problem's detail by field (shown beside the input), or for the form as a whole
 * (key {@code ""}), and the status the page answers with, as the API would.
 */
public record Refused(String form, HttpStatus status, Map<String, String> fields) {

    public static final String WHOLE_FORM = "";

    public String of(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** Bean Validation's and type conversion's refusals of the submitted fields. */
    public static Refused invalid(String form, BindingResult binding) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.isBindingFailure() ? "is not a valid value" : error.getDefaultMessage());
        }
        binding.getGlobalErrors().forEach(error -> fields.putIfAbsent(WHOLE_FORM, error.getDefaultMessage()));
        return new Refused(form, HttpStatus.BAD_REQUEST, fields);
    }

    /** The account's and the input's refusals, or empty for anything else (which is a failure, not a refusal). */
    public static Optional<Refused> of(String form, RuntimeException failure) {
        if (failure instanceof CommandRejected rejected) {
            var problem = Refusals.problemOf(rejected);
            String field = Refusals.fieldOf(rejected);
            return Optional.of(new Refused(form, HttpStatus.valueOf(problem.getStatus()),
                    Map.of(field == null ? WHOLE_FORM : field, rejected.getMessage())));
        }
        if (failure instanceof InvalidRequestException invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (FieldProblem problem : invalid.errors()) {
                fields.putIfAbsent(problem.field(), problem.message());
            }
            return Optional.of(new Refused(form, HttpStatus.BAD_REQUEST, fields));
        }
        if (failure instanceof InvalidMoneyException money) {
            return Optional.of(new Refused(form, HttpStatus.UNPROCESSABLE_ENTITY, Map.of("amount", money.getMessage())));
        }
        if (failure instanceof AggregateNotFoundException) {
            return Optional.of(new Refused(form, HttpStatus.NOT_FOUND, Map.of(WHOLE_FORM, "No such customer is registered.")));
        }
        if (failure instanceof ConcurrentChangeException conflict) {
            return Optional.of(new Refused(form, HttpStatus.CONFLICT, Map.of(WHOLE_FORM, conflict.getMessage())));
        }
        return Optional.empty();
    }
}
