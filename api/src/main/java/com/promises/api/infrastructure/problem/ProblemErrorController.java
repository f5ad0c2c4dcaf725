package com.promises.api.infrastructure.problem;

import com.promises.api.infrastructure.http.PayloadTooLargeException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Errors that happen outside Spring MVC (in a filter, or rejected by the servlet container) reach
 * {@code /error}; this answers them as problems too, in place of Spring Boot's own error JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            // Called directly rather than forwarded to by the container: there is no such endpoint.
            ProblemDetail notFound = Problems.of(ProblemCode.NOT_FOUND, "There is no " + request.getRequestURI() + " in this API.");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(notFound);
        }
        HttpStatus status = statusOf(request);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem;
        if (failure != null && Failures.isDatabaseUnavailable(failure)) {
            // A keyed request opens its transaction in a filter, before Spring MVC could answer the failure itself.
            problem = Failures.databaseUnavailable(failure, log);
        } else if (status.is5xxServerError()) {
            problem = Failures.internalError(failure, log);
        } else if (failure != null && Failures.causedBy(failure, PayloadTooLargeException.class) != null) {
            problem = Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, "The body is too large.");
        } else {
            problem = Problems.of(status, Problems.codeFor(status), "The request could not be handled: " + status.getReasonPhrase() + ".");
        }
        problem.setInstance(failedUri(request));
        return Failures.answerTo(problem).body(problem);
    }

    /** The request that failed, rather than /error. */
    private static URI failedUri(HttpServletRequest request) {
        try {
            return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? URI.create(uri) : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
