package com.promises.api.web.input;

import com.promises.api.infrastructure.problem.InvalidRequestException;
import com.promises.core.money.InvalidMoneyException;
import com.promises.core.money.Money;

import java.math.BigDecimal;

/** Money from a request's fields, with a bad value reported against the field it came from. */
public final class Amounts {

    /** How request amounts are documented: a plain decimal string, which clients should send. */
    public static final String DOCUMENTED_PATTERN = "^[0-9]+(\\.[0-9]+)?$";
    public static final String DOCUMENTED_AS = "A decimal string; a JSON number is accepted";

    private Amounts() {
    }

    /**
     * @param field         where the amount was in the request, as the client should read it ("installments[2].amount")
     * @param currencyField where the currency was
     */
    public static Money money(String field, BigDecimal amount, String currencyField, String currency) {
        int minorUnits;
        try {
            minorUnits = Money.minorUnitsOf(currency);
        } catch (InvalidMoneyException e) {
            throw new InvalidRequestException(currencyField, e.getMessage());
        }
        // Checked here, not left to Money, whose message would print "1e-999999999" digit by digit.
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            throw new InvalidRequestException(field,
                    "has more decimal places than %s allows (%d)".formatted(currency, minorUnits));
        }
        return Money.of(amount, currency);
    }

    public static Money money(String field, BigDecimal amount, String currency) {
        return money(field, amount, "currency", currency);
    }
}
