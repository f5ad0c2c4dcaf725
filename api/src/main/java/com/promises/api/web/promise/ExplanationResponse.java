package com.promises.api.web.promise;

import com.promises.core.promise.ExplanationAccepted;
import com.promises.core.promise.Faith;
import com.promises.core.promise.Reason;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The reason and faith now on record for the promise")
record ExplanationResponse(@Schema(example = "P-2026-0042") String promiseId,
                           @Schema(example = "CASH_FLOW") Reason reason,
                           @Schema(example = "BAD") Faith faith) {

    static ExplanationResponse of(ExplanationAccepted accepted) {
        return new ExplanationResponse(accepted.promiseId(), accepted.reason(), accepted.faith());
    }
}
