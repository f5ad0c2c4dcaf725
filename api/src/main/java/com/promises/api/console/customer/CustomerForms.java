package com.promises.api.console.customer;

import com.promises.api.console.FormKey;
import com.promises.api.web.input.Amount;
import com.promises.api.web.input.CalendarDate;
import com.promises.api.web.input.CurrencyCode;
import com.promises.api.web.input.PlainText;
import com.promises.api.web.input.ValidId;
import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.Reason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The fields of the console's command forms, checked by the same constraints as the API's request bodies. Each
 * carries the Idempotency-Key its form was rendered with.
 */
final class CustomerForms {

    private CustomerForms() {
    }

    record Register(@NotBlank @ValidId String customerId,
                    @NotBlank @Size(max = 200) @PlainText String name,
                    @NotNull @CurrencyCode String currency,
                    String idempotencyKey) {
        static Register blank() {
            return new Register(null, null, "CNY", FormKey.fresh());
        }
    }

    record Promise(@ValidId String promiseId,
                   @NotNull @Amount BigDecimal amount,
                   @NotNull @CurrencyCode String currency,
                   @NotNull @CalendarDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                   @NotNull Channel channel,
                   Boolean inWriting,
                   @Size(max = 2000) @PlainText String note,
                   String idempotencyKey) {
        static Promise blank(String currency) {
            return new Promise(null, null, currency, null, Channel.PHONE, false, null, FormKey.fresh());
        }
    }

    record Payment(@ValidId String paymentId,
                   @NotNull @Amount BigDecimal amount,
                   @NotNull @CurrencyCode String currency,
                   @NotNull @CalendarDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
                   @ValidId String promiseId,
                   String idempotencyKey) {
        static Payment blank(String currency, LocalDate today) {
            return new Payment(null, null, currency, today, null, FormKey.fresh());
        }
    }

    record Reminder(@NotNull @ValidId String promiseId,
                    @NotNull Channel channel,
                    @Size(max = 2000) @PlainText String note,
                    String idempotencyKey) {
        static Reminder blank() {
            return new Reminder(null, Channel.MESSAGE, null, FormKey.fresh());
        }
    }

    record Explanation(@NotNull @ValidId String promiseId,
                       @NotNull Reason reason,
                       Faith faith,
                       @Size(max = 2000) @PlainText String note,
                       String idempotencyKey) {
        static Explanation blank() {
            return new Explanation(null, Reason.CASH_FLOW, null, null, FormKey.fresh());
        }
    }

    record Cancellation(@NotNull @ValidId String promiseId,
                        @NotBlank @Size(max = 2000) @PlainText String note,
                        String idempotencyKey) {
        static Cancellation blank() {
            return new Cancellation(null, null, FormKey.fresh());
        }
    }

    record Broken(@NotNull @ValidId String promiseId,
                  @NotNull Reason reason,
                  @Size(max = 2000) @PlainText String note,
                  String idempotencyKey) {
        static Broken blank() {
            return new Broken(null, Reason.CASH_FLOW, null, FormKey.fresh());
        }
    }
}
