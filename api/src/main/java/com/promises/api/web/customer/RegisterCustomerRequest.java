package com.promises.api.web.customer;

import com.promises.api.web.input.CurrencyCode;
import com.promises.api.web.input.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A customer who owes money in one currency")
public record RegisterCustomerRequest(
        @NotBlank @Size(max = 200) @PlainText @Schema(example = "Hotel Zhonghua") String name,
        @NotNull @CurrencyCode @Schema(example = "CNY", description = "ISO 4217; every amount of this customer is in it") String currency) {
}
