package com.promises.core.promise;

import java.util.List;

/** The answer to MakePromise and RenegotiatePromise: the promise now on record and any doubts raised. */
public record PromiseAccepted(String promiseId, List<PromiseWarning> warnings) {
}
