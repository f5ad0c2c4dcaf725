package com.promises.core.account;

import com.promises.core.payment.PaymentReversed;
import com.promises.core.payment.ReversalReason;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.PromiseAccepted;
import com.promises.core.promise.PromiseWarning;
import com.promises.core.promise.PromiseWarning.Code;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.promises.core.account.AccountFixtures.*;

/**
 * DOMAIN.md rule 5 for a customer with no payment history (seed 002, 慎重约定): a new customer starts at 50, which is
 * no poor record, so a large sum promised within days is doubtful by its size alone.
 */
class WeighingNewCustomersTest {

    @Test
    void aLargeSumPromisedWithinDaysByACustomerWhoHasPaidNothingIsDoubtful() {
        account().given(registered())
                .when(writtenPromise("60000", TODAY.plusDays(2)))
                .expectResultMessagePayloadMatching(warned(List.of(Code.LARGE_SUM_SOON_NO_HISTORY)));
    }

    @Test
    void theFirstPromiseAmountItselfIsNotAboveIt() {
        account().given(registered())
                .when(writtenPromise("50000", TODAY.plusDays(2)))
                .expectResultMessagePayloadMatching(warned(List.of()));
    }

    @Test
    void aLargeSumDueLaterThanTheDoubtfulSoonDaysIsNotDoubtful() {
        account().given(registered())
                .when(writtenPromise("60000", TODAY.plusDays(3)))
                .expectResultMessagePayloadMatching(warned(List.of()));
    }

    @Test
    void aCustomerWhoHasPaidIsWeighedByTheirPaymentsInstead() {
        account().given(registered(), paid("PAY-1", "30000", TODAY, "30000"))
                .when(writtenPromise("60000", TODAY.plusDays(2)))
                .expectResultMessagePayloadMatching(warned(List.of()));
    }

    @Test
    void aReversedPaymentIsNoPaymentHistory() {
        var bounced = new PaymentReversed(CUSTOMER, "PAY-1", cny("30000"), TODAY, ReversalReason.BOUNCED, null, List.of(),
                cny("30000"), List.of(), cny("0"), TODAY, EARLIER);
        account().given(registered(), paid("PAY-1", "30000", TODAY, "30000"), bounced)
                .when(writtenPromise("60000", TODAY.plusDays(2)))
                .expectResultMessagePayloadMatching(warned(List.of(Code.LARGE_SUM_SOON_NO_HISTORY)));
    }

    @Test
    void theFirstPromiseAmountIsASetting() {
        AccountRules defaults = AccountRules.defaults();
        AccountRules lower = new AccountRules(defaults.zone(), defaults.graceDays(), defaults.quietDays(),
                defaults.writtenAmountThreshold(), defaults.writtenHorizonDays(), defaults.doubtfulMultiple(),
                defaults.doubtfulSoonDays(), defaults.poorRecordBelowScore(), new BigDecimal("10000"), defaults.excuseDays());
        FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource(lower);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.given(registered())
                .when(writtenPromise("20000", TODAY.plusDays(1)))
                .expectResultMessagePayloadMatching(warned(List.of(Code.LARGE_SUM_SOON_NO_HISTORY)));
    }

    private static MakePromise writtenPromise(String amount, LocalDate due) {
        return new MakePromise(CUSTOMER, "P-1", cny(amount), due, null, Channel.VISIT, true, null, null);
    }

    private static CustomTypeSafeMatcher<PromiseAccepted> warned(List<Code> codes) {
        return new CustomTypeSafeMatcher<>("warnings " + codes) {
            @Override
            protected boolean matchesSafely(PromiseAccepted accepted) {
                return accepted.warnings().stream().map(PromiseWarning::code).toList().equals(codes);
            }
        };
    }
}
