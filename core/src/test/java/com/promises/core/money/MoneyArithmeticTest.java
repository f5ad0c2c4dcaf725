package com.promises.core.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sums and comparisons of money, only ever within one currency. */
class MoneyArithmeticTest {

    private static final Money CNY_100 = Money.of("100.00", "CNY");
    private static final Money CNY_40 = Money.of("40", "CNY");
    private static final Money EUR_40 = Money.of("40", "EUR");

    @Test
    void sumsAndDifferencesKeepTheCurrency() {
        assertThat(CNY_100.plus(CNY_40)).isEqualTo(Money.of("140.00", "CNY"));
        assertThat(CNY_40.minus(CNY_100)).isEqualTo(Money.of("-60.00", "CNY"));
        assertThat(CNY_100.min(CNY_40)).isSameAs(CNY_40);
        assertThat(CNY_40.min(CNY_100)).isSameAs(CNY_40);
        Money another100 = Money.of("100", "CNY");
        assertThat(CNY_100.min(another100)).as("the first of two equal amounts").isSameAs(CNY_100);
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({"100, 40, true, true", "40, 100, false, false", "40, 40.00, false, true", "-1, 0, false, false"})
    void comparisons(String amount, String other, boolean greater, boolean atLeast) {
        Money a = Money.of(amount, "CNY");
        Money b = Money.of(other, "CNY");
        assertThat(a.isGreaterThan(b)).isEqualTo(greater);
        assertThat(a.isAtLeast(b)).isEqualTo(atLeast);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, false, true", "0.00, false, true", "0.01, true, false", "-0.01, false, false"})
    void signs(String amount, boolean positive, boolean zero) {
        Money money = Money.of(amount, "CNY");
        assertThat(money.isPositive()).isEqualTo(positive);
        assertThat(money.isZero()).isEqualTo(zero);
    }

    @Test
    void moneyOfTwoCurrenciesIsNeverCombinedNorCompared() {
        List<Consumer<Money>> combinations = List.of(CNY_100::plus, CNY_100::minus, CNY_100::min, CNY_100::isGreaterThan,
                CNY_100::isAtLeast);
        for (Consumer<Money> combination : combinations) {
            assertThatThrownBy(() -> combination.accept(EUR_40)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot combine CNY with EUR");
        }
    }

    @ParameterizedTest(name = "{0} {1} read back as {2}")
    @CsvSource({"1200.0000, CNY, 1200.00", "0.5000, CNY, 0.50", "1E+3, JPY, 1000", "1500.0000, JPY, 1500",
            "0.0000, KWD, 0.000", "12.3450, KWD, 12.345"})
    void storedAmountsWithMoreDecimalsReadBackInTheCurrencysScale(String stored, String currency, String amount) {
        Money money = Money.fromStored(new BigDecimal(stored), currency);

        assertThat(money.amount().toPlainString()).isEqualTo(amount);
        assertThat(money.currency()).isEqualTo(currency);
    }

    @Test
    void itIsWrittenAsThePlainAmountAndTheCurrency() {
        assertThat(Money.of("1E+3", "CNY").toString()).isEqualTo("1000.00 CNY");
        assertThat(Money.zero("JPY").toString()).isEqualTo("0 JPY");
        assertThat(Money.isValidCurrency("CNY")).isTrue();
        assertThat(Money.isValidCurrency("XAU")).isFalse();
        assertThat(Money.isValidCurrency("NOPE")).isFalse();
    }
}
