package com.promises.api.web.situation;

import com.promises.core.risk.Advice;
import com.promises.core.risk.FinancialSituation;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The situation on record and what it calls for")
record FinancialSituationResponse(@Schema(example = "hotel-zhonghua") String customerId,
                                  @Schema(example = "FROZEN_ACCOUNTS") FinancialSituation situation,
                                  @Schema(example = "true", description = "No further goods on credit") boolean creditHold,
                                  @Schema(example = "NO_GOODS_ON_CREDIT") Advice advice) {

    static FinancialSituationResponse of(String customerId, FinancialSituation situation) {
        return new FinancialSituationResponse(customerId, situation, situation.creditHold(), situation.advice());
    }
}
