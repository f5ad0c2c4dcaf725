package com.promises.core.payment;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment was reversed, and where every cent of it came back from: {@code allocationsUndone} (the payment's own
 * allocations, taken off those promises), {@code creditWithdrawn} (from the account's credit) and
 * {@code creditTakenBack} (credit the payment had left that later promises had already received, newest first)
 * together equal {@code amount}. {@code creditBalance} is the account's credit afterwards.
 */
@Revision("1")
public record PaymentReversed(String customerId,
                              String paymentId,
                              Money amount,
                              LocalDate paidOn,
                              ReversalReason reason,
                              String note,
                              List<Allocation> allocationsUndone,
                              Money creditWithdrawn,
                              List<Allocation> creditTakenBack,
                              Money creditBalance,
                              LocalDate reversedOn,
                              Instant recordedAt) {
    public PaymentReversed {
        allocationsUndone = List.copyOf(allocationsUndone);
        creditTakenBack = List.copyOf(creditTakenBack);
    }
}
