package com.promises.api.web.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** newAmount may come as an object or as a bare decimal. */
class MoneyInputTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anObjectGivesAmountAndCurrency() throws Exception {
        MoneyInput money = json.readValue("{\"amount\": \"800.00\", \"currency\": \"CNY\"}", MoneyInput.class);
        assertThat(money.amount()).isEqualByComparingTo("800.00");
        assertThat(money.currency()).isEqualTo("CNY");
    }

    @Test
    void aBareDecimalGivesTheAmountAlone() throws Exception {
        assertThat(json.readValue("\"800.00\"", MoneyInput.class).amount()).isEqualByComparingTo("800.00");
        assertThat(json.readValue("800.5", MoneyInput.class).amount()).isEqualByComparingTo("800.50");
        assertThat(json.readValue("800", MoneyInput.class).currency()).isNull();
    }

    @Test
    void anUnknownFieldInsideIsRefusedWithItsPath() {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        var failure = catchThrowableOfType(UnrecognizedPropertyException.class,
                () -> strict.readValue("{\"amount\": 1, \"cents\": 5}", MoneyInput.class));

        assertThat(failure.getPropertyName()).isEqualTo("cents");
    }
}
