package com.promises.core.money;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"1200, CNY, 1200.00", "1200.5, CNY, 1200.50", "7000, JPY, 7000", "1.125, BHD, 1.125"})
    void theScaleIsAlwaysTheCurrencysMinorUnits(String amount, String currency, String written) {
        assertThat(Money.of(amount, currency).amount().toPlainString()).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource({"20.001, CNY", "1.5, JPY", "1.0001, BHD"})
    void moreDecimalsThanTheCurrencyAllowsAreRefused(String amount, String currency) {
        assertThatThrownBy(() -> Money.of(amount, currency))
                .isInstanceOf(InvalidMoneyException.class)
                .extracting(e -> ((InvalidMoneyException) e).kind()).isEqualTo(InvalidMoneyException.Kind.SCALE);
    }

    @ParameterizedTest
    @CsvSource({"ABC", "cny", "XXX", "XAU"})
    void onlyCollectableIsoCurrenciesAreMoney(String currency) {
        assertThatThrownBy(() -> Money.of("1", currency))
                .isInstanceOf(InvalidMoneyException.class)
                .extracting(e -> ((InvalidMoneyException) e).kind()).isEqualTo(InvalidMoneyException.Kind.CURRENCY);
    }

    @Test
    void jsonHoldsTheAmountAsADecimalStringAndTheCurrencyOnly() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String written = json.writeValueAsString(Money.of("7000", "CNY"));
        assertThat(written).isEqualTo("{\"amount\":\"7000.00\",\"currency\":\"CNY\"}");
        assertThat(json.readValue(written, Money.class)).isEqualTo(Money.of("7000.00", "CNY"));
    }
}
