package com.promises.api.web.promise;

import com.promises.core.promise.PlanAccepted;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(description = "The plan and the promise made for each installment, in due order")
record InstallmentPlanResponse(@Schema(example = "PLAN-2026-007", requiredMode = Schema.RequiredMode.REQUIRED) String planId,
                               @ArraySchema(schema = @Schema(example = "PLAN-2026-007-1"), arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
                               List<String> promiseIds) {

    static InstallmentPlanResponse of(PlanAccepted accepted) {
        return new InstallmentPlanResponse(accepted.planId(), accepted.promiseIds());
    }
}
