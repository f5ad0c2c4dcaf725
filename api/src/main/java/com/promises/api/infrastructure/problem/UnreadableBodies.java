package com.promises.api.infrastructure.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.ProblemDetail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a body Jackson could not read into a problem that names the field and what it should be,
 * without the Java types behind it.
 */
final class UnreadableBodies {

    private UnreadableBodies() {
    }

    static ProblemDetail problemFor(Throwable exception) {
        if (Failures.causedBy(exception, UnrecognizedPropertyException.class) instanceof UnrecognizedPropertyException unknown) {
            return fieldProblem(unknown, "is not a field of this request");
        }
        if (Failures.causedBy(exception, MismatchedInputException.class) instanceof MismatchedInputException mismatch) {
            return mismatch.getPath().isEmpty()
                    ? Problems.of(ProblemCode.MALFORMED_JSON, "The body must be one JSON object.")
                    : fieldProblem(mismatch, expectation(mismatch.getTargetType()));
        }
        // Syntax errors and the parser's limits (nesting depth, number length) speak of the text, not of our types.
        if (Failures.causedBy(exception, StreamReadException.class) instanceof StreamReadException syntax) {
            return Problems.of(ProblemCode.MALFORMED_JSON,
                    "The body is not well-formed JSON: " + syntax.getOriginalMessage(), repeatedKey(syntax));
        }
        if (Failures.causedBy(exception, StreamConstraintsException.class) != null) {
            return Problems.of(ProblemCode.MALFORMED_JSON,
                    "The body is beyond what is read: numbers of more than 1000 digits or nesting deeper than 1000 levels.");
        }
        if (Failures.causedBy(exception, JsonProcessingException.class) != null) {
            return Problems.of(ProblemCode.MALFORMED_JSON, "The body cannot be read as this request.");
        }
        return Problems.of(ProblemCode.MALFORMED_JSON, "A JSON body is required.");
    }

    /** A key given twice: the parser stopped on its second occurrence, so its context is the field's path. */
    private static List<FieldProblem> repeatedKey(StreamReadException syntax) {
        String message = syntax.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field") || syntax.getProcessor() == null) {
            return List.of();
        }
        return List.of(new FieldProblem(path(syntax.getProcessor().getParsingContext()), "appears more than once"));
    }

    /** installments[0].amount, from the parser's position. */
    private static String path(JsonStreamContext position) {
        Deque<JsonStreamContext> outermostFirst = new ArrayDeque<>();
        for (JsonStreamContext context = position; context != null && !context.inRoot(); context = context.getParent()) {
            outermostFirst.push(context);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext context : outermostFirst) {
            if (context.inArray()) {
                path.append('[').append(context.getCurrentIndex()).append(']');
            } else if (context.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(context.getCurrentName());
            }
        }
        return path.toString();
    }

    private static ProblemDetail fieldProblem(JsonMappingException exception, String message) {
        return Problems.of(ProblemCode.VALIDATION_FAILED, "The request has invalid fields.",
                List.of(new FieldProblem(path(exception.getPath()), message)));
    }

    /** installments[1].amount */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be a date written yyyy-MM-dd";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "must be a plain decimal such as 1200.00, as a string or a JSON number: digits and at most one point, "
                    + "no plus sign, exponent or spaces";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a JSON string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be a JSON array";
        }
        return "must be a JSON object";
    }
}
