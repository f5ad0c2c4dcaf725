package com.promises.api.web.promise;

import com.promises.api.web.input.Amount;
import com.promises.api.web.input.Amounts;
import com.promises.api.web.input.CalendarDate;
import com.promises.api.web.input.CurrencyCode;
import com.promises.api.web.input.Ids;
import com.promises.api.web.input.PlainText;
import com.promises.api.web.input.ValidId;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakeInstallmentPlan;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Schema(description = "Several promises agreed at once, one per installment")
public record InstallmentPlanRequest(
        @ValidId @Schema(example = "PLAN-2026-007", description = "Left out, the service makes one") String planId,
        @NotNull @CurrencyCode @Schema(example = "CNY") String currency,
        @NotNull @Schema(example = "VISIT") Channel channel,
        @Schema(example = "true") Boolean inWriting,
        @Size(max = 2000) @PlainText @Schema(example = "Signed at the visit") String note,
        @NotEmpty @Size(max = 120) @Valid @ArraySchema(arraySchema = @Schema(description = "In any order; each becomes a promise"))
        List<@NotNull Installment> installments) {

    @Schema(description = "One installment")
    public record Installment(@ValidId @Schema(example = "PLAN-2026-007-1", description = "Left out, the service makes one") String promiseId,
                       @NotNull @CalendarDate @Schema(example = "2026-08-01") LocalDate dueDate,
                       @NotNull @Amount @Schema(example = "500.00", type = "string", pattern = Amounts.DOCUMENTED_PATTERN,
                               description = Amounts.DOCUMENTED_AS) BigDecimal amount) {
    }

    public MakeInstallmentPlan toCommand(String customerId) {
        List<MakeInstallmentPlan.Installment> plan = new ArrayList<>();
        for (int i = 0; i < installments.size(); i++) {
            Installment installment = installments.get(i);
            plan.add(new MakeInstallmentPlan.Installment(Ids.orNew(installment.promiseId()), installment.dueDate(),
                    Amounts.money("installments[" + i + "].amount", installment.amount(), currency)));
        }
        return new MakeInstallmentPlan(customerId, Ids.orNew(planId), currency, channel, Boolean.TRUE.equals(inWriting),
                note, List.copyOf(plan));
    }
}
