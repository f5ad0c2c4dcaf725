package com.promises.core.account;

import com.promises.core.commitment.CommitmentKind;
import com.promises.core.commitment.CommitmentOutcome;
import com.promises.core.commitment.JudgeOurCommitment;
import com.promises.core.commitment.OurCommitmentMade;
import com.promises.core.commitment.OurCommitmentOutcomeRecorded;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromisePartiallyKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.PromiseState;
import com.promises.core.promise.RejudgedBecause;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;

/** Judgements made again: a larger share paid inside the window, and our own miss judged by the service. */
class JudgedAgainTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 5);
    private static final LocalDate WINDOW = DUE.plusDays(3);

    @Test
    void aBackdatedPaymentInsideTheWindowOfAPartlyKeptPromiseRaisesItsShare() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), paid("PAY-1", "250", DUE.plusDays(1), "0", to("P-1", "250")),
                        new PromisePartiallyKept(CUSTOMER, "P-1", cny("1000"), cny("250"), new BigDecimal("0.2500"), DUE, WINDOW,
                                ValuedBy.SYSTEM, EARLIER))
                .when(new RecordPayment(CUSTOMER, "PAY-2", cny("250"), WINDOW.minusDays(1), null))
                .expectEvents(
                        new PaymentRecorded(CUSTOMER, "PAY-2", cny("250"), WINDOW.minusDays(1), null, List.of(to("P-1", "250")),
                                cny("0"), cny("0"), NOW),
                        new PromiseRejudged(CUSTOMER, "P-1", cny("1000"), cny("500"), new BigDecimal("0.5000"), DUE, WINDOW,
                                PromiseState.PARTIALLY_KEPT, PromiseState.PARTIALLY_KEPT, null, false,
                                RejudgedBecause.BACKDATED_PAYMENT, "PAY-2", NOW));
    }

    @Test
    void aPaymentAfterTheWindowLeavesAPartlyKeptPromiseAsItWas() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), paid("PAY-1", "250", DUE.plusDays(1), "0", to("P-1", "250")),
                        new PromisePartiallyKept(CUSTOMER, "P-1", cny("1000"), cny("250"), new BigDecimal("0.2500"), DUE, WINDOW,
                                ValuedBy.SYSTEM, EARLIER))
                .when(new RecordPayment(CUSTOMER, "PAY-2", cny("250"), WINDOW.plusDays(1), null))
                .expectEvents(new PaymentRecorded(CUSTOMER, "PAY-2", cny("250"), WINDOW.plusDays(1), null,
                        List.of(to("P-1", "250")), cny("0"), cny("0"), NOW));
    }

    @Test
    void aVisitOfOursTheServiceJudgesMissedExcusesTheBreakItCovers() {
        LocalDate visitDay = LocalDate.of(2026, 6, 10);
        LocalDate judgedOn = visitDay.plusDays(2);
        var visit = new OurCommitmentMade(CUSTOMER, "C-1", CommitmentKind.VISIT, visitDay, visitDay.plusDays(1),
                "collect the cheque", MADE_ON, EARLIER);
        PromiseMade promise = promiseMade("P-1", "100", visitDay.minusDays(3)); // window closes on the visit day
        accountOn(on(judgedOn)).given(registered(), visit, promise, brokenByTheClock(promise))
                .when(new JudgeOurCommitment(CUSTOMER, "C-1"))
                .expectEvents(
                        new OurCommitmentOutcomeRecorded(CUSTOMER, "C-1", CommitmentKind.VISIT, visitDay,
                                CommitmentOutcome.MISSED, null, visitDay.plusDays(14), ValuedBy.SYSTEM, judgedOn, on(judgedOn)),
                        new PromiseExcused(CUSTOMER, "P-1", visitDay, "C-1", visitDay, on(judgedOn)));
    }
}
