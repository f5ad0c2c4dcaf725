package com.promises.api.infrastructure.problem;

import com.promises.api.infrastructure.tracing.CorrelationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * RFC 9457 problems as this service writes them: a stable {@code code} (also in the {@code type}
 * URI), a {@code detail} for people, the request's {@code correlationId}, and for bad fields an
 * {@code errors} list of {field, message}.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:promises:problem:";

    private Problems() {
    }

    public static ProblemDetail of(ProblemCode code, String detail) {
        return of(code.status(), code.name(), detail);
    }

    public static ProblemDetail of(ProblemCode code, String detail, List<FieldProblem> errors) {
        return of(code.status(), code.name(), detail, errors);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, code);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(status, code, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Gives a problem Spring made (404, 405, 415...) the same stable shape as ours. */
    static ProblemDetail decorate(ProblemDetail problem, String code) {
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (status != null) {
            problem.setTitle(status.getReasonPhrase());
        }
        problem.setProperty("code", code);
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** The code of a status when nothing more specific is known. */
    static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }
}
