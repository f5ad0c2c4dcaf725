package com.promises.api.infrastructure.security;

import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.ProblemResponses;
import com.promises.api.infrastructure.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Set;

/**
 * Spring Security's firewall refuses odd methods and URLs before anything else runs. Its own answer is a
 * bare status, and for TRACE not even that: Tomcat's 405 goes to the error page, whose dispatch the firewall
 * refuses again, leaving an empty 400. These answers are problems like every other.
 */
class FirewallRejections implements RequestRejectedHandler {

    /** The methods the firewall lets through; any other is what it refused. */
    private static final Set<String> PASSED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String SERVED = "GET, HEAD, POST, PUT, OPTIONS";

    private final ProblemResponses problems;

    FirewallRejections(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (!PASSED.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, SERVED);
            problems.write(response, Problems.of(ProblemCode.METHOD_NOT_ALLOWED,
                    "This API answers " + SERVED + " only."));
            return;
        }
        problems.write(response, Problems.of(ProblemCode.BAD_REQUEST,
                "The request's URL or headers cannot be accepted (encoded dots or slashes, '//', ';' or control characters)."));
    }
}
