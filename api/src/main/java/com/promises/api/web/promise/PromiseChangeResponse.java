package com.promises.api.web.promise;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a command about one promise that has nothing more to tell than that it was recorded. */
@Schema(description = "The command was recorded")
public record PromiseChangeResponse(@Schema(example = "hotel-zhonghua", requiredMode = Schema.RequiredMode.REQUIRED) String customerId,
                                    @Schema(example = "P-2026-0042", requiredMode = Schema.RequiredMode.REQUIRED) String promiseId) {
}
