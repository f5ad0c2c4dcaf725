package com.promises.api.infrastructure.idempotency;

import com.promises.api.infrastructure.http.HttpSettings;
import com.promises.api.infrastructure.http.PayloadTooLargeException;
import com.promises.api.infrastructure.problem.ProblemResponses;
import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.Problems;
import com.promises.api.infrastructure.tracing.Actor;
import com.promises.api.infrastructure.tracing.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;

/**
 * Idempotency-Key on POST and PUT: the first successful answer is stored per user and key and
 * replayed to every retry with the same body; the same key with another body is 422. Failed
 * requests store nothing, so a client may correct a refused request and send it with the same key.
 * Runs after Spring Security: keys belong to the authenticated user. Not on an import (see {@link HttpSettings#isImport}).
 */
class IdempotencyFilter extends OncePerRequestFilter {


    private final KeyedExecution execution;
    private final ProblemResponses problems;
    private final HttpSettings.Idempotency settings;

    IdempotencyFilter(KeyedExecution execution, ProblemResponses problems, HttpSettings.Idempotency settings) {
        this.execution = execution;
        this.problems = problems;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        // An import answers its key itself, by the digest of the file it streamed to disk; here the file would have to
        // be held in memory to be hashed.
        return request.getHeader(IdempotencyKey.HEADER) == null || !("POST".equals(method) || "PUT".equals(method))
                || HttpSettings.isImport(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(IdempotencyKey.HEADER);
        if (Collections.list(request.getHeaders(IdempotencyKey.HEADER)).size() > 1) {
            // Which one the client meant cannot be known, and each would name a different request.
            problems.write(response, Problems.of(ProblemCode.INVALID_IDEMPOTENCY_KEY,
                    "Send one Idempotency-Key header, not several."));
            return;
        }
        if (!IdempotencyKey.acceptable(key)) {
            problems.write(response, Problems.of(ProblemCode.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1-255 visible ASCII characters without spaces."));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException tooLarge) {
            problems.write(response, Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
            return;
        }
        byte[] requestHash = hash(request, body);
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        try {
            KeyedExecution.Outcome outcome = execution.run(Actor.current(), key, requestHash, settings.retryWait(), () -> {
                chain.doFilter(new CachedBodyRequest(request, body), capture);
                return HttpStatus.valueOf(capture.getStatus()).is2xxSuccessful()
                        ? Optional.of(StoredAnswer.captured(requestHash, capture)) : Optional.empty();
            });
            if (outcome instanceof KeyedExecution.Outcome.Earlier earlier) {
                replay(earlier.answer(), requestHash, response);
            } else {
                capture.copyBodyToResponse();
            }
        } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
            answerInstead(capture, response, Problems.of(ProblemCode.CONCURRENT_MODIFICATION,
                    "The customer was changed by another request at the same moment; nothing was recorded. "
                            + "Send the request again with the same key."));
        } catch (Exception e) {
            if (KeyedExecution.stillRunningElsewhere(e)) {
                answerInstead(capture, response, Problems.of(ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                        "A request with this Idempotency-Key is still being processed; retry shortly to get its answer."));
                return;
            }
            KeyedExecution.rethrow(e);
        }
    }

    private void replay(StoredAnswer answer, byte[] requestHash, HttpServletResponse response) throws IOException {
        if (!Arrays.equals(answer.requestHash(), requestHash)) {
            problems.write(response, Problems.of(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request; use a new key for a new request."));
            return;
        }
        answer.replayTo(response);
    }

    /** The request's own answer is discarded (nothing it did was committed) and a problem sent in its place. */
    private void answerInstead(ContentCachingResponseWrapper capture, HttpServletResponse response,
                               ProblemDetail problem) throws IOException {
        capture.reset();
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            response.setHeader(CorrelationId.HEADER, correlationId);
        }
        problems.write(response, problem);
    }

    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + ' ' + request.getRequestURI() + '?' + request.getQueryString() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            return sha256.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
