package com.promises.api.web.promise;

import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseWarning;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(description = "The promise on record, and any doubts raised about it (it is recorded all the same)")
record PromiseResponse(@Schema(example = "P-2026-0042", requiredMode = Schema.RequiredMode.REQUIRED) String promiseId,
                       @ArraySchema(schema = @Schema(implementation = PromiseWarning.class,
                               example = "{\"code\": \"UNWRITTEN_LARGE_AMOUNT\", \"detail\": \"A verbal promise of 80000.00 CNY; above 50000.00 it belongs in writing\"}"),
                               arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
                       List<PromiseWarning> warnings) {

    static PromiseResponse of(PromiseAccepted accepted) {
        return new PromiseResponse(accepted.promiseId(), accepted.warnings());
    }
}
