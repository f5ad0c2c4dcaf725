package com.promises.api.web.payment;

import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentAccepted;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(description = "Where the money went: to promises, and any rest to the account's credit")
record RecordPaymentResponse(@Schema(example = "PAY-2026-0311", requiredMode = Schema.RequiredMode.REQUIRED) String paymentId,
                             @ArraySchema(schema = @Schema(implementation = Allocation.class,
                                     example = "{\"promiseId\": \"P-2026-0042\", \"amount\": {\"amount\": \"700.00\", \"currency\": \"CNY\"}}"),
                                     arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
                             List<Allocation> allocations,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Money unallocated) {

    static RecordPaymentResponse of(PaymentAccepted accepted) {
        return new RecordPaymentResponse(accepted.paymentId(), accepted.allocations(), accepted.unallocated());
    }
}
