package com.promises.core.account;

import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.PromiseWarning;
import com.promises.core.promise.PromiseWarning.Code;
import com.promises.core.promise.ValuedBy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MakingPromisesTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);

    private static MakePromise promise(String id, String amount, LocalDate due) {
        return new MakePromise(CUSTOMER, id, cny(amount), due, null, Channel.PHONE, false, "INV-7", null);
    }

    @Test
    void aPromiseFixesItsWindowAtTheDueDatePlusGraceDays() {
        account().given(registered())
                .when(promise("P-1", "7000", DUE))
                .expectEvents(new PromiseMade(CUSTOMER, "P-1", cny("7000"), TODAY, DUE, 3, LocalDate.of(2026, 7, 3),
                        Channel.PHONE, false, "INV-7", null, null, null, 1, cny("0"), List.of(), NOW))
                .expectResultMessagePayload(new PromiseAccepted("P-1", List.of()));
    }

    @Test
    void accountCreditGoesToTheNextPromiseAndKeepsItAtOnceWhenItCoversIt() {
        account().given(registered(), paid("PAY-1", "500", MADE_ON, "500"))
                .when(promise("P-1", "300", DUE))
                .expectEvents(
                        new PromiseMade(CUSTOMER, "P-1", cny("300"), TODAY, DUE, 3, DUE.plusDays(3), Channel.PHONE,
                                false, "INV-7", null, null, null, 1, cny("300"), List.of(), NOW),
                        new PromiseKept(CUSTOMER, "P-1", cny("300"), cny("300"), DUE, DUE.plusDays(3), TODAY, true,
                                ValuedBy.SYSTEM, NOW));
    }

    @Test
    void aBackdatedPromiseWhoseWindowClosedIsJudgedAtOnce() {
        var backdated = new MakePromise(CUSTOMER, "P-OLD", cny("900"), LocalDate.of(2026, 6, 5),
                LocalDate.of(2026, 6, 1), Channel.VISIT, true, null, "recorded late");
        account().given(registered())
                .when(backdated)
                .expectEvents(
                        new PromiseMade(CUSTOMER, "P-OLD", cny("900"), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5), 3,
                                LocalDate.of(2026, 6, 8), Channel.VISIT, true, null, "recorded late", null, null, 1,
                                cny("0"), List.of(), NOW),
                        new PromiseBroken(CUSTOMER, "P-OLD", cny("900"), cny("0"), LocalDate.of(2026, 6, 5),
                                LocalDate.of(2026, 6, 8), null, Faith.UNKNOWN, null, ValuedBy.SYSTEM, NOW));
    }

    @Test
    void aDueDateBeforeTheDayThePromiseWasMadeIsRefused() {
        account().given(registered())
                .when(promise("P-1", "7000", TODAY.minusDays(1)))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_DATE,
                        Refusals.DUE_BEFORE_MADE.formatted(TODAY.minusDays(1), TODAY)));
    }

    @Test
    void aPromiseMadeInTheFutureIsRefused() {
        account().given(registered())
                .when(new MakePromise(CUSTOMER, "P-1", cny("10"), DUE, TODAY.plusDays(1), Channel.PHONE, false, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_DATE));
    }

    @Test
    void anotherCurrencyThanTheAccountsIsRefused() {
        account().given(registered())
                .when(new MakePromise(CUSTOMER, "P-1", com.promises.core.money.Money.of("10", "USD"), DUE, null,
                        Channel.PHONE, false, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.CURRENCY_MISMATCH,
                        Refusals.CURRENCY_MISMATCH.formatted(CUSTOMER, "CNY", "USD")));
    }

    @Test
    void zeroAndNegativeAmountsAreRefused() {
        account().given(registered()).when(promise("P-1", "0", DUE))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_AMOUNT));
        account().given(registered()).when(promise("P-1", "-5", DUE))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_AMOUNT));
    }

    @Test
    void theVerySamePromiseAgainChangesNothingAndGetsTheSameAnswer() {
        account().given(registered(), promiseMade("P-1", "7000", DUE))
                .when(new MakePromise(CUSTOMER, "P-1", cny("7000"), DUE, MADE_ON, Channel.PHONE, false, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new PromiseAccepted("P-1", List.of()));
    }

    @Test
    void anotherPromiseUnderATakenIdIsRefused() {
        account().given(registered(), promiseMade("P-1", "7000", DUE))
                .when(promise("P-1", "8000", DUE))
                .expectNoEvents()
                .expectException(rejected(Rejection.DUPLICATE_PROMISE_ID));
    }

    @Test
    void aVerbalPromiseAboveTheWrittenAmountOrFarAheadIsFlaggedButRecorded() {
        account().given(registered())
                .when(promise("P-BIG", "60000", TODAY.plusDays(45)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<PromiseAccepted>("two warnings") {
                    @Override
                    protected boolean matchesSafely(PromiseAccepted accepted) {
                        return codes(accepted).equals(List.of(Code.UNWRITTEN_LARGE_AMOUNT, Code.UNWRITTEN_LONG_HORIZON));
                    }
                });
    }

    @Test
    void aPromiseFarAboveEveryPaymentSoFarIsDoubtful() {
        account().given(registered(), promiseMade("P-1", "1000", DUE), paid("PAY-1", "1000", TODAY, "0", to("P-1", "1000")))
                .when(new MakePromise(CUSTOMER, "P-2", cny("3001"), DUE, null, Channel.PHONE, true, null, null))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<PromiseAccepted>("doubtful") {
                    @Override
                    protected boolean matchesSafely(PromiseAccepted accepted) {
                        return codes(accepted).equals(List.of(Code.AMOUNT_ABOVE_PAYMENT_HISTORY));
                    }
                });
    }

    @Test
    void aLargeSumPromisedWithinDaysByAPoorPayerIsDoubtful() {
        var broken1 = new PromiseBroken(CUSTOMER, "P-1", cny("100"), cny("0"), DUE, DUE.plusDays(3), null, Faith.UNKNOWN,
                null, ValuedBy.SYSTEM, EARLIER);
        var broken2 = new PromiseBroken(CUSTOMER, "P-2", cny("100"), cny("0"), DUE, DUE.plusDays(3), null, Faith.UNKNOWN,
                null, ValuedBy.SYSTEM, EARLIER);
        // two breaks: 100 x 2 / (4 + 0.85 + 1) = 34.2, below 50
        account().given(registered(), promiseMade("P-1", "100", DUE), broken1, promiseMade("P-2", "100", DUE), broken2)
                .when(new MakePromise(CUSTOMER, "P-3", cny("50000"), TODAY.plusDays(2), null, Channel.PHONE, true, null, null))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<PromiseAccepted>("poor record") {
                    @Override
                    protected boolean matchesSafely(PromiseAccepted accepted) {
                        return codes(accepted).equals(List.of(Code.LARGE_SUM_SOON_POOR_RECORD));
                    }
                });
    }

    @Test
    void aPromiseWithinEveryThresholdRaisesNoDoubt() {
        var answer = new PromiseAccepted("P-1", List.of());
        account().given(registered())
                .when(promise("P-1", "50000", TODAY.plusDays(30)))
                .expectResultMessagePayload(answer);
        assertThat(answer.warnings()).isEmpty();
    }

    private static List<Code> codes(PromiseAccepted accepted) {
        return accepted.warnings().stream().map(PromiseWarning::code).toList();
    }
}
