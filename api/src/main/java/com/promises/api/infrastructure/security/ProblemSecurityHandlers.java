package com.promises.api.infrastructure.security;

import com.promises.api.infrastructure.problem.ProblemResponses;
import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401, 403 and 429 (too many failed sign-ins) as problems, like every other error of the API. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof TooManyFailedSignInsException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            problems.write(response, Problems.of(ProblemCode.TOO_MANY_SIGN_IN_FAILURES,
                    "Too many failed sign-ins for this user or from this address; try again in "
                            + throttled.retryAfterSeconds() + " seconds."));
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"promises\"");
        problems.write(response, Problems.of(ProblemCode.UNAUTHORIZED,
                "Sign in with HTTP Basic: a configured user name and password."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, Problems.of(ProblemCode.FORBIDDEN,
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + "."));
    }
}
