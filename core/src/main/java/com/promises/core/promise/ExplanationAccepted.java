package com.promises.core.promise;

/** The answer to ExplainOutcome: the reason and the faith now on record. */
public record ExplanationAccepted(String promiseId, Reason reason, Faith faith) {
}
