package com.promises.api.web.payment;

import com.promises.api.web.input.PlainText;
import com.promises.core.payment.ReversalReason;
import com.promises.core.payment.ReversePayment;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "The money was not received after all")
public record ReversePaymentRequest(
        @NotNull @Schema(example = "BOUNCED", description = "BOUNCED, RECORDED_IN_ERROR or CHARGEBACK") ReversalReason reason,
        @Size(max = 2000) @PlainText @Schema(example = "Cheque returned unpaid by the bank") String note) {

    public ReversePayment toCommand(String customerId, String paymentId) {
        return new ReversePayment(customerId, paymentId, reason, note);
    }
}
