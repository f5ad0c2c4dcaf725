package com.promises.api.web.payment;

import com.promises.core.payment.ReversalAccepted;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(description = "The payment reversed, and the promises judged again because of it")
record ReversalResponse(@Schema(example = "PAY-2026-0311") String paymentId,
                        @ArraySchema(schema = @Schema(implementation = ReversalAccepted.Rejudged.class,
                                example = "{\"promiseId\": \"P-2026-0042\", \"state\": \"BROKEN\"}"))
                        List<ReversalAccepted.Rejudged> rejudged) {

    static ReversalResponse of(ReversalAccepted accepted) {
        return new ReversalResponse(accepted.paymentId(), accepted.rejudged());
    }
}
