package com.promises.api.infrastructure.tracing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Takes the caller's X-Correlation-Id when it is a plain token, otherwise makes one, and answers
 * with it. A malformed header is replaced rather than refused: tracing must not fail a payment.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = (String) request.getAttribute(CorrelationId.KEY);
        if (correlationId == null) {
            String offered = request.getHeader(CorrelationId.HEADER);
            correlationId = CorrelationId.isAcceptable(offered) ? offered : CorrelationId.fresh();
            request.setAttribute(CorrelationId.KEY, correlationId);
        }
        response.setHeader(CorrelationId.HEADER, correlationId);
        MDC.put(CorrelationId.KEY, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CorrelationId.KEY);
        }
    }

    /** The error dispatch after a failure keeps the id of the request that failed. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
