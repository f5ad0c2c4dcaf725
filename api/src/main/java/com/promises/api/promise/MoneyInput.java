package com.promises.api.promise;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.promises.api.command.Amount;
import com.promises.api.command.CurrencyCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** An amount sent either as {"amount": "600.00", "currency": "CNY"} or as a bare decimal beside a currency field. */
@Schema(description = "Money: {amount, currency}; a bare decimal is accepted when the body has a currency field")
record MoneyInput(@NotNull @Amount @Schema(example = "600.00", type = "string") BigDecimal amount,
                  @CurrencyCode @Schema(example = "CNY") String currency) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    MoneyInput {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static MoneyInput bare(BigDecimal amount) {
        return new MoneyInput(amount, null);
    }
}
