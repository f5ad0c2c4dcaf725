package com.promises.api.infrastructure.problem;

import com.promises.api.command.ConcurrentChangeException;
import com.promises.api.infrastructure.http.PayloadTooLargeException;
import com.promises.core.account.CommandRejected;
import com.promises.projections.CustomerNotFoundException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;


/**
 * Every error as RFC 9457 problem+json: Spring's own (404, 405, 415, unreadable bodies), Bean
 * Validation, the account's refusals and anything unexpected, which is logged with a reference the
 * answer quotes instead of a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(CommandRejected.class)
    ResponseEntity<Object> rejected(CommandRejected rejected) {
        return problem(Refusals.problemOf(rejected));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> customerNotFound(AggregateNotFoundException notFound) {
        return problem(Refusals.customerNotFound(notFound));
    }

    @ExceptionHandler(CustomerNotFoundException.class)
    ResponseEntity<Object> customerNotFound(CustomerNotFoundException notFound) {
        return problem(Problems.of(ProblemCode.CUSTOMER_NOT_FOUND, notFound.getMessage()));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> refused(ProblemException refused) {
        return problem(Problems.of(refused.code(), refused.getMessage()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException invalid) {
        return problem(Refusals.invalidRequest(invalid));
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<Object> concurrentChange(ConcurrentChangeException conflict) {
        return problem(Problems.of(ProblemCode.CONCURRENT_MODIFICATION, conflict.getMessage()));
    }

    /** Only while the service is still starting, or misconfigured: nothing handles that command. */
    @ExceptionHandler(NoHandlerForCommandException.class)
    ResponseEntity<Object> noHandler(NoHandlerForCommandException e) {
        log.error("No handler for a command", e);
        return problem(Problems.of(ProblemCode.SERVICE_UNAVAILABLE,
                "The service cannot take this command right now; try again later."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (Failures.isDatabaseUnavailable(e)) {
            return problem(Failures.databaseUnavailable(e, log));
        }
        return problem(Failures.internalError(e, log));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (Failures.causedBy(ex, PayloadTooLargeException.class) instanceof PayloadTooLargeException tooLarge) {
            return problem(Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
        }
        return problem(UnreadableBodies.problemFor(ex));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(ProblemCode.VALIDATION_FAILED, "The request has invalid fields.",
                ValidationErrors.of(ex.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        return problem(Problems.of(ProblemCode.VALIDATION_FAILED, "The request has invalid fields.",
                ValidationErrors.of(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(ProblemCode.NOT_FOUND,
                "There is no " + ex.getHttpMethod() + " /" + ex.getResourcePath() + " in this API."));
    }

    /** Spring's remaining errors (405, 406, 415, missing parameters...) keep their detail and gain a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            Problems.decorate(problem, Problems.codeFor(statusCode));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(statusCode).headers(problemHeaders).body(problem);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return Failures.answerTo(problem).body(problem);
    }
}
