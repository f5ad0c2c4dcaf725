package com.promises.api.web.payment;

import com.promises.api.web.input.Amount;
import com.promises.api.web.input.Amounts;
import com.promises.api.web.input.CalendarDate;
import com.promises.api.web.input.CurrencyCode;
import com.promises.api.web.input.Ids;
import com.promises.api.web.input.ValidId;
import com.promises.core.payment.RecordPayment;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "Money received from the customer")
public record RecordPaymentRequest(
        @ValidId @Schema(example = "PAY-2026-0311", description = "Left out, the service makes one and returns it") String paymentId,
        @NotNull @Amount @Schema(example = "700.00", type = "string", pattern = Amounts.DOCUMENTED_PATTERN,
                description = Amounts.DOCUMENTED_AS) BigDecimal amount,
        @NotNull @CurrencyCode @Schema(example = "CNY") String currency,
        @NotNull @CalendarDate @Schema(example = "2026-07-14", description = "The value date; may lie in the past") LocalDate paidOn,
        @ValidId @Schema(example = "P-2026-0042", description = "Left out: open promises are paid oldest due date first") String promiseId) {

    public RecordPayment toCommand(String customerId) {
        return new RecordPayment(customerId, Ids.orNew(paymentId), Amounts.money("amount", amount, currency), paidOn, promiseId);
    }
}
