package com.promises.api.web.promise;

import com.promises.api.web.input.Amount;
import com.promises.api.web.input.Amounts;
import com.promises.api.web.input.CalendarDate;
import com.promises.api.web.input.CurrencyCode;
import com.promises.api.web.input.Ids;
import com.promises.api.web.input.PlainText;
import com.promises.api.web.input.ValidId;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "The customer committed to pay an amount by a date")
public record MakePromiseRequest(
        @ValidId @Schema(example = "P-2026-0042", description = "Left out, the service makes one and returns it") String promiseId,
        @NotNull @Amount @Schema(example = "1200.00", type = "string", pattern = Amounts.DOCUMENTED_PATTERN,
                description = Amounts.DOCUMENTED_AS) BigDecimal amount,
        @NotNull @CurrencyCode @Schema(example = "CNY", description = "The account's currency") String currency,
        @NotNull @CalendarDate @Schema(example = "2026-07-15") LocalDate dueDate,
        @CalendarDate @Schema(example = "2026-07-01", description = "When it was promised; left out, today. May lie in the past") LocalDate madeOn,
        @NotNull @Schema(example = "PHONE") Channel channel,
        @Schema(example = "false", description = "A signed plan or an email, rather than a word given") Boolean inWriting,
        @Size(max = 100) @PlainText @Schema(example = "INV-2026-118", description = "The invoice or order it pays") String reference,
        @Size(max = 2000) @PlainText @Schema(example = "Will pay after their own customer settles") String note) {

    public MakePromise toCommand(String customerId) {
        return new MakePromise(customerId, Ids.orNew(promiseId), Amounts.money("amount", amount, currency), dueDate,
                madeOn, channel, Boolean.TRUE.equals(inWriting), reference, note);
    }
}
