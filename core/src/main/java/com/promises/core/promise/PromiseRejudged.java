package com.promises.core.promise;

import com.promises.core.money.Money;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A judged promise judged again by the service from the money that now counts (DOMAIN.md rules 1 and 9), because
 * a payment under it was reversed or a backdated one fell inside its window. The earlier judgement stays in the
 * history; this one replaces it in the read models and in the score. {@code state} OPEN: a promise kept before its
 * window closed is no longer paid in full and waits for its window again. {@code paid} is everything paid on it by
 * now, as in PromiseBroken; {@code fractionPaid} (the share paid inside the window), {@code paidInFullOn} and
 * {@code onTime} describe the new judgement.
 */
@Revision("1")
public record PromiseRejudged(String customerId,
                              String promiseId,
                              Money amount,
                              Money paid,
                              BigDecimal fractionPaid,
                              LocalDate dueDate,
                              LocalDate windowClosesOn,
                              PromiseState previousState,
                              PromiseState state,
                              LocalDate paidInFullOn,
                              boolean onTime,
                              RejudgedBecause because,
                              String paymentId,
                              Instant valuedAt) {
}
