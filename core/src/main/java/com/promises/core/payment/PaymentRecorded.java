package com.promises.core.payment;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment and where every cent of it went: {@code allocations} plus {@code unallocated}
 * (new account credit) equal {@code amount} exactly. {@code creditBalance} is the account's
 * credit after this payment. {@code paidOn} is the value date, {@code recordedAt} when we learnt of it.
 */
@Revision("1")
public record PaymentRecorded(String customerId,
                              String paymentId,
                              Money amount,
                              LocalDate paidOn,
                              String namedPromiseId,
                              List<Allocation> allocations,
                              Money unallocated,
                              Money creditBalance,
                              Instant recordedAt) {

    public PaymentRecorded {
        allocations = List.copyOf(allocations);
    }
}
