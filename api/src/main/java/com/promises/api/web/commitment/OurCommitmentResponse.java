package com.promises.api.web.commitment;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Our commitment on record")
record OurCommitmentResponse(@Schema(example = "C-2026-0007") String commitmentId) {
}
