package com.promises.api.web.promise;

import com.promises.api.web.input.Amounts;
import com.promises.api.web.input.CalendarDate;
import com.promises.api.web.input.CurrencyCode;
import com.promises.api.web.input.Ids;
import com.promises.api.web.input.PlainText;
import com.promises.api.web.input.MoneyInput;
import com.promises.api.web.input.ValidId;
import com.promises.api.infrastructure.problem.InvalidRequestException;
import com.promises.core.money.Money;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RenegotiatePromise;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

@Schema(description = "A new date, and perhaps a new amount, agreed in place of a promise")
public record RenegotiationRequest(
        @ValidId @Schema(example = "P-2026-0042-2", description = "The new promise's id; left out, the service makes one") String newPromiseId,
        @NotNull @CalendarDate @Schema(example = "2026-08-15") LocalDate newDueDate,
        @Valid @Schema(description = "Left out: the unpaid rest of the old promise") MoneyInput newAmount,
        @CurrencyCode @Schema(example = "CNY", description = "The currency of a bare newAmount") String currency,
        @Schema(example = "CASH_FLOW") Reason reason,
        @Size(max = 2000) @PlainText @Schema(example = "Their customer pays late; asked for a month") String note) {

    public RenegotiatePromise toCommand(String customerId, String promiseId) {
        return new RenegotiatePromise(customerId, promiseId, Ids.orNew(newPromiseId), newDueDate, newMoney(), reason, note);
    }

    private Money newMoney() {
        if (newAmount == null) {
            return null;
        }
        if (newAmount.currency() != null) {
            return Amounts.money("newAmount.amount", newAmount.amount(), "newAmount.currency", newAmount.currency());
        }
        if (currency == null) {
            throw new InvalidRequestException("newAmount", "needs a currency: send {amount, currency} or a currency field");
        }
        return Amounts.money("newAmount", newAmount.amount(), currency);
    }
}
