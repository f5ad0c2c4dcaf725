package com.promises.api.infrastructure.http;

import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.api.infrastructure.problem.ProblemResponses;
import com.promises.api.infrastructure.problem.Problems;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;

/** Refuses a cross-origin request the configuration does not allow as a problem, in place of Spring's plain text. */
public class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemResponses problems;

    public ProblemCorsProcessor(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        problems.write(((ServletServerHttpResponse) response).getServletResponse(), Problems.of(ProblemCode.CORS_REQUEST_REFUSED,
                "A browser may call this API only from an origin in promises.cors.allowed-origins, "
                        + "with the methods and headers the API uses."));
    }
}
