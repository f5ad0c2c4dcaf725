package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.money.Money;
import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.PaymentReversed;
import com.promises.core.payment.RecordPayment;
import com.promises.core.payment.ReversePayment;
import com.promises.core.promise.PromiseMade;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The money side of the account: every payment by id and the day any was reversed, the credit left over from
 * overpayments, and the largest payment that stands (reversed ones never count as paid).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class PaymentLedger {

    private final Map<String, PaymentRecorded> payments = new LinkedHashMap<>();
    private final Map<String, LocalDate> reversedOn = new LinkedHashMap<>();
    private Money credit;
    private BigDecimal largestPayment = BigDecimal.ZERO;

    /** The payment recorded under this id, or null. */
    PaymentRecorded find(String paymentId) {
        return payments.get(paymentId);
    }

    /** The payment the command reverses: known, not reversed before, and with a reason. */
    PaymentRecorded toReverse(String customerId, ReversePayment command) {
        PaymentRecorded payment = command.paymentId() == null ? null : payments.get(command.paymentId());
        if (payment == null) {
            throw Rejection.PAYMENT_NOT_FOUND.because(Refusals.UNKNOWN_PAYMENT.formatted(customerId, command.paymentId()));
        }
        if (reversedOn.containsKey(payment.paymentId())) {
            throw Rejection.PAYMENT_ALREADY_REVERSED.because(Refusals.ALREADY_REVERSED.formatted(payment.paymentId(),
                    reversedOn.get(payment.paymentId())));
        }
        if (command.reason() == null) {
            throw Rejection.INVALID_REASON.because(Refusals.REASON_REQUIRED);
        }
        return payment;
    }

    static boolean sameDetails(PaymentRecorded earlier, RecordPayment command) {
        return earlier.amount().equals(command.amount()) && earlier.paidOn().equals(command.paidOn())
                && Objects.equals(earlier.namedPromiseId(), command.promiseId());
    }

    static PaymentAccepted answerTo(PaymentRecorded payment) {
        return new PaymentAccepted(payment.paymentId(), payment.allocations(), payment.unallocated());
    }

    Money credit() {
        return credit;
    }

    /** Zero while no payment stands: the customer has no payment history. */
    BigDecimal largestPayment() {
        return largestPayment;
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        credit = Money.zero(event.currency());
    }

    @EventSourcingHandler
    void on(PromiseMade event) {
        if (event.creditApplied() != null && event.creditApplied().isPositive()) {
            credit = credit.minus(event.creditApplied());
        }
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        payments.put(event.paymentId(), event);
        credit = credit.plus(event.unallocated());
        largestPayment = largestPayment.max(event.amount().amount());
    }

    @EventSourcingHandler
    void on(PaymentReversed event) {
        reversedOn.put(event.paymentId(), event.reversedOn());
        credit = event.creditBalance();
        largestPayment = payments.values().stream().filter(payment -> !reversedOn.containsKey(payment.paymentId()))
                .map(payment -> payment.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::max);
    }
}
