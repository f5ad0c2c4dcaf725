package com.promises.core.payment;

import com.promises.core.promise.PromiseState;

import java.util.List;

/** The answer to ReversePayment: the promises judged again because of it, and how they stand now. */
public record ReversalAccepted(String paymentId, List<Rejudged> rejudged) {

    public ReversalAccepted {
        rejudged = List.copyOf(rejudged);
    }

    public record Rejudged(String promiseId, PromiseState state) {
    }
}
