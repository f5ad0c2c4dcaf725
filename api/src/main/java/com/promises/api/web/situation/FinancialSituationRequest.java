package com.promises.api.web.situation;

import com.promises.api.web.input.PlainText;
import com.promises.core.risk.FinancialSituation;
import com.promises.core.risk.RecordFinancialSituation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "The customer's ability to pay, apart from their faith")
public record FinancialSituationRequest(
        @NotNull @Schema(example = "FROZEN_ACCOUNTS", description = "FROZEN_ACCOUNTS, CHAIN_DEBT, FUNDS_ELSEWHERE, "
                + "TEMPORARY_SHORTAGE, FIXED_MONTHLY_INCOME or RECOVERED") FinancialSituation situation,
        @Size(max = 2000) @PlainText @Schema(example = "Their bank froze the accounts after the gold mine deal fell through") String note) {

    public RecordFinancialSituation toCommand(String customerId) {
        return new RecordFinancialSituation(customerId, situation, note);
    }
}
