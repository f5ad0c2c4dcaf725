package com.promises.api.console.customer;

import com.promises.api.console.FormKey;
import com.promises.api.web.input.Amount;
import com.promises.api.web.input.CalendarDate;
import com.promises.api.web.input.CurrencyCode;
import com.promises.api.web.input.PlainText;
import com.promises.api.web.input.ValidId;
import com.promises.api.web.promise.InstallmentPlanRequest;
import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.followup.StepTaken;
import com.promises.core.payment.ReversalReason;
import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.Reason;
import com.promises.core.risk.FinancialSituation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

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

    /**
     * An installment plan: a few rows of due date and amount. The rows left blank at the end are not part of the plan;
     * the rest is the API's request, checked by its own constraints and translated by its own code.
     */
    record Plan(String planId,
                String currency,
                Channel channel,
                Boolean inWriting,
                String note,
                List<Installment> installments,
                String idempotencyKey) {

        /** Rows a plan form offers; a longer plan goes through the API or an import. */
        static final int ROWS = 4;

        record Installment(String promiseId,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                           BigDecimal amount) {
            boolean blank() {
                return promiseId == null && dueDate == null && amount == null;
            }
        }

        static Plan blank(String currency) {
            return new Plan(null, currency, Channel.VISIT, true, null,
                    IntStream.range(0, ROWS).mapToObj(i -> new Installment(null, null, null)).toList(), FormKey.fresh());
        }

        /** The rows as the form shows them again: those sent, then blank ones up to {@link #ROWS}. */
        public List<Installment> rows() {
            List<Installment> rows = new ArrayList<>(installments == null ? List.of() : installments);
            rows.replaceAll(row -> row == null ? new Installment(null, null, null) : row);
            while (rows.size() < ROWS) {
                rows.add(new Installment(null, null, null));
            }
            return rows;
        }

        /** The API's request; a blank row in the middle stays, so that its refusal stands beside it. */
        InstallmentPlanRequest request() {
            List<Installment> given = new ArrayList<>(installments == null ? List.of() : installments);
            while (!given.isEmpty() && (given.get(given.size() - 1) == null || given.get(given.size() - 1).blank())) {
                given.remove(given.size() - 1);
            }
            return new InstallmentPlanRequest(planId, currency, channel, inWriting, note, given.stream()
                    .map(row -> row == null ? null : new InstallmentPlanRequest.Installment(row.promiseId(), row.dueDate(), row.amount()))
                    .toList());
        }
    }

    record Renegotiation(@NotNull @ValidId String promiseId,
                         @ValidId String newPromiseId,
                         @NotNull @CalendarDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDueDate,
                         @Amount BigDecimal newAmount,
                         @NotNull @CurrencyCode String currency,
                         Reason reason,
                         @Size(max = 2000) @PlainText String note,
                         String idempotencyKey) {
        static Renegotiation blank(String currency) {
            return new Renegotiation(null, null, null, null, currency, null, null, FormKey.fresh());
        }
    }

    record Dispute(@NotNull @ValidId String promiseId,
                   @NotNull Reason reason,
                   @Size(max = 2000) @PlainText String note,
                   String idempotencyKey) {
        static Dispute blank() {
            return new Dispute(null, Reason.QUALITY_DISPUTE, null, FormKey.fresh());
        }
    }

    record Resolution(@NotNull @ValidId String promiseId,
                      @NotNull Boolean upheld,
                      @Size(max = 2000) @PlainText String note,
                      String idempotencyKey) {
        static Resolution blank() {
            return new Resolution(null, null, null, FormKey.fresh());
        }
    }

    record Reversal(@NotNull @ValidId String paymentId,
                    @NotNull ReversalReason reason,
                    @Size(max = 2000) @PlainText String note,
                    String idempotencyKey) {
        static Reversal blank() {
            return new Reversal(null, ReversalReason.BOUNCED, null, FormKey.fresh());
        }
    }

    record Escalation(@NotNull StepTaken step,
                      @ValidId String promiseId,
                      @Size(max = 2000) @PlainText String note,
                      @Size(max = 200) @PlainText String documentReference,
                      String idempotencyKey) {
        static Escalation blank() {
            return new Escalation(StepTaken.PHONE, null, null, null, FormKey.fresh());
        }
    }

    record Commitment(@ValidId String commitmentId,
                      @NotNull CommitmentKind kind,
                      @NotNull @CalendarDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                      @Size(max = 2000) @PlainText String note,
                      String idempotencyKey) {
        static Commitment blank() {
            return new Commitment(null, CommitmentKind.VISIT, null, null, FormKey.fresh());
        }
    }

    record CommitmentEnd(@NotNull @ValidId String commitmentId,
                         @NotNull CommitmentOutcome outcome,
                         @Size(max = 2000) @PlainText String note,
                         String idempotencyKey) {
        static CommitmentEnd blank() {
            return new CommitmentEnd(null, CommitmentOutcome.KEPT, null, FormKey.fresh());
        }
    }

    record Situation(@NotNull FinancialSituation situation,
                     @Size(max = 2000) @PlainText String note,
                     String idempotencyKey) {
        static Situation blank() {
            return new Situation(null, null, FormKey.fresh());
        }
    }

    record FollowUpClosure(@NotNull @ValidId String promiseId,
                           @NotBlank @Size(max = 2000) @PlainText String note,
                           String idempotencyKey) {
        static FollowUpClosure blank() {
            return new FollowUpClosure(null, null, FormKey.fresh());
        }
    }
}
