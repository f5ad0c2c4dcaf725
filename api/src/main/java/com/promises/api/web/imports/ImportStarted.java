package com.promises.api.web.imports;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "The file was received whole; its lines are being applied")
record ImportStarted(@Schema(example = "0b6f2d2e-5c1a-4f4e-9a0e-3d7c2b1a9f10", requiredMode = Schema.RequiredMode.REQUIRED) UUID importId) {
}
