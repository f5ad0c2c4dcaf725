package com.promises.api.web.followup;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The follow-up that was closed")
record FollowUpResponse(String id, @Schema(example = "hotel-zhonghua") String customerId,
                        @Schema(example = "P-2026-0042") String promiseId) {
}
