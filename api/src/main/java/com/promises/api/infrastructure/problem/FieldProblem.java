package com.promises.api.infrastructure.problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** One bad field of a request: where it is ("installments[1].amount") and what is wrong with it. */
@Schema(description = "A field of the request that cannot be accepted")
public record FieldProblem(@Schema(example = "amount") String field,
                           @Schema(example = "must be greater than 0") String message) {
}
