package com.promises.api.infrastructure.idempotency;

import com.promises.api.infrastructure.http.HttpSettings;
import com.promises.api.infrastructure.tracing.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The console's forms carry their Idempotency-Key in a hidden field made when the form was rendered: a second
 * submission of the same form (a double click, a reload) gets the first one's answer (its redirect) and records
 * nothing. The same store and transaction as the API's header; an answer is kept when it succeeded or redirected.
 */
class FormIdempotencyFilter extends OncePerRequestFilter {

    static final String FIELD = "idempotencyKey";
    /** Spring Security's token changes with the session, not with what the form asks for. */
    private static final String CSRF_FIELD = "_csrf";

    private final KeyedExecution execution;
    private final HttpSettings.Idempotency settings;

    FormIdempotencyFilter(KeyedExecution execution, HttpSettings.Idempotency settings) {
        this.execution = execution;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getParameter(FIELD) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getParameter(FIELD);
        if (!IdempotencyKey.acceptable(key)) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        byte[] requestHash = hash(request);
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        try {
            KeyedExecution.Outcome outcome = execution.run(Actor.current(), key, requestHash, settings.retryWait(), () -> {
                chain.doFilter(request, capture);
                HttpStatus status = HttpStatus.valueOf(capture.getStatus());
                return status.is2xxSuccessful() || status.is3xxRedirection()
                        ? Optional.of(StoredAnswer.captured(requestHash, capture))
                        : Optional.empty();
            });
            if (outcome instanceof KeyedExecution.Outcome.Earlier earlier) {
                replay(earlier.answer(), requestHash, response);
            } else {
                capture.copyBodyToResponse();
            }
        } catch (Exception e) {
            if (KeyedExecution.stillRunningElsewhere(e)) {
                // The first submission is still being recorded; its page will show the outcome.
                capture.reset();
                response.sendError(HttpStatus.CONFLICT.value());
                return;
            }
            KeyedExecution.rethrow(e);
        }
    }

    private static void replay(StoredAnswer answer, byte[] requestHash, HttpServletResponse response) throws IOException {
        if (!Arrays.equals(answer.requestHash(), requestHash)) {
            response.sendError(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return;
        }
        answer.replayTo(response);
    }

    /** The path and every field but the CSRF token, in a fixed order. */
    private static byte[] hash(HttpServletRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + ' ' + request.getRequestURI() + '\n').getBytes(StandardCharsets.UTF_8));
            Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
            fields.remove(CSRF_FIELD);
            fields.forEach((name, values) -> {
                sha256.update(name.getBytes(StandardCharsets.UTF_8));
                for (String value : values) {
                    sha256.update((byte) 0);
                    sha256.update(value.getBytes(StandardCharsets.UTF_8));
                }
                sha256.update((byte) '\n');
            });
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
