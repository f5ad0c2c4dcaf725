package com.promises.core.account;

import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseMade;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.promises.core.account.AccountFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Credit taken back only from promises that hold some; a promise exactly at the doubtful multiple is not doubtful. */
class CreditAndWarningsEdgesTest {

    @Test
    void creditIsTakenBackOnlyFromPromisesHoldingSome() {
        PromiseBook book = new PromiseBook();
        book.on(withCredit(promiseMade("P-1", "600", TODAY.plusDays(5)), "500"));
        book.on(promiseMade("P-2", "100", TODAY.plusDays(6)));

        assertThat(book.creditToTakeBack(cny("500"))).containsExactly(to("P-1", "500"));
        assertThat(book.creditToTakeBack(cny("200"))).containsExactly(to("P-1", "200"));
    }

    @Test
    void aPromiseOfExactlyThreeTimesTheLargestPaymentIsNotDoubtful() {
        PaymentRecorded payment = new PaymentRecorded(CUSTOMER, "PAY-1", cny("100"), MADE_ON, null, List.of(), cny("100"),
                cny("100"), EARLIER);
        account().given(registered(), payment)
                .when(new MakePromise(CUSTOMER, "P-1", cny("300"), TODAY.plusDays(5), null, Channel.PHONE, false, null, null))
                .expectResultMessagePayload(new PromiseAccepted("P-1", List.of()));
    }

    private static PromiseMade withCredit(PromiseMade made, String credit) {
        return new PromiseMade(made.customerId(), made.promiseId(), made.amount(), made.madeOn(), made.dueDate(),
                made.graceDays(), made.windowClosesOn(), made.channel(), made.inWriting(), made.reference(), made.note(),
                made.planId(), made.replacesPromiseId(), made.level(), cny(credit), made.warnings(), made.recordedAt());
    }
}
