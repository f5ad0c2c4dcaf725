package com.promises.core.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.promises.core.money.Money;
import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.PromiseMade;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The money side of the account: every payment by id, the credit left over from overpayments, the largest payment. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class PaymentLedger {

    private final Map<String, PaymentRecorded> payments = new LinkedHashMap<>();
    private Money credit;
    private BigDecimal largestPayment = BigDecimal.ZERO;

    /** The payment recorded under this id, or null. */
    PaymentRecorded find(String paymentId) {
        return payments.get(paymentId);
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
}
