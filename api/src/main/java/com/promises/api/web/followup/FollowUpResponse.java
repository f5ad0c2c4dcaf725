package com.promises.api.web.followup;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The follow-up that was closed")
record FollowUpResponse(@Schema(example = "7b0e4c1a-93d2-4c55-8f0e-2a6d1c9e5b31", requiredMode = Schema.RequiredMode.REQUIRED) String id,
                        @Schema(example = "hotel-zhonghua", requiredMode = Schema.RequiredMode.REQUIRED) String customerId,
                        @Schema(example = "P-2026-0042", requiredMode = Schema.RequiredMode.REQUIRED) String promiseId) {
}
