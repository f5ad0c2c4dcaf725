package com.promises.api.web.promise;

import com.promises.api.web.input.PlainText;
import com.promises.core.promise.ExplainOutcome;
import com.promises.core.promise.Faith;
import com.promises.core.promise.Reason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "Why a broken or partially kept promise was not kept, and in what faith")
public record ExplainOutcomeRequest(
        @NotNull @Schema(example = "CASH_FLOW") Reason reason,
        @Schema(example = "BAD", description = "GOOD, BAD or UNKNOWN; left out, the faith the reason usually signals. "
                + "Another faith than that needs a note saying why") Faith faith,
        @Size(max = 2000) @PlainText @Schema(example = "Said payroll came first; bought a new car the same week") String note) {

    public ExplainOutcome toCommand(String customerId, String promiseId) {
        return new ExplainOutcome(customerId, promiseId, reason, faith, note);
    }
}
