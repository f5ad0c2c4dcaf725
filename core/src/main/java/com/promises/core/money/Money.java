package com.promises.core.money;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one ISO 4217 currency. The scale is always the currency's minor units
 * (CNY 2, JPY 0, BHD 3), so "1200" and "1200.00" are the same value and print the same way.
 * The amount is written as a decimal string so no reader loses a cent to floating point;
 * only the two components are written, never derived flags such as isPositive().
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorUnits = minorUnitsOf(currency);
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            throw new InvalidMoneyException(InvalidMoneyException.Kind.SCALE,
                    "%s has %d decimal places; %s allows at most %d".formatted(
                            amount.toPlainString(), Math.max(0, amount.stripTrailingZeros().scale()), currency, minorUnits));
        }
        amount = amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** From a store that keeps more decimals than the currency has (read tables keep four for every currency). */
    public static Money fromStored(BigDecimal amount, String currency) {
        BigDecimal plain = amount.stripTrailingZeros();
        return new Money(plain.scale() < 0 ? plain.setScale(0) : plain, currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The number of decimal places the currency allows; rejects codes that are not ISO 4217 currencies. */
    public static int minorUnitsOf(String currencyCode) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidMoneyException(InvalidMoneyException.Kind.CURRENCY,
                    "'%s' is not an ISO 4217 currency code".formatted(currencyCode));
        }
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) { // XAU, XXX and the like have no minor units and are not money we collect
            throw new InvalidMoneyException(InvalidMoneyException.Kind.CURRENCY,
                    "'%s' is not a currency that can be collected".formatted(currencyCode));
        }
        return digits;
    }

    public static boolean isValidCurrency(String currencyCode) {
        try {
            minorUnitsOf(currencyCode);
            return true;
        } catch (InvalidMoneyException e) {
            return false;
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) <= 0 ? this : other;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    public boolean isAtLeast(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) >= 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
