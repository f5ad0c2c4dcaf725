package com.promises.api.console;

import com.promises.core.money.Money;
import com.promises.core.time.BusinessCalendar;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Money, dates and instants as the page's language writes them ({@code ${@fmt.money(m)}} in a template): one place,
 * so every page writes 1,200.00 the same way. Instants are shown in the business's time zone, where the day
 * anything happened is counted; the markup keeps the ISO form in {@code datetime} and {@code value} attributes.
 */
@Component("fmt")
public class ConsoleFormat {

    private final BusinessCalendar calendar;

    ConsoleFormat(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public String money(Money money) {
        return money == null ? "" : money(money.amount(), money.currency());
    }

    /** An amount in its currency, with the currency's decimals at least (more when the amount has them). */
    public String money(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        Locale locale = locale();
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency currency = currencyOrNull(currencyCode);
        if (currency == null) {
            format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(amount.scale());
            return format.format(amount) + (currencyCode == null ? "" : " " + currencyCode);
        }
        format.setCurrency(currency);
        int decimals = Math.max(currency.getDefaultFractionDigits(), Math.max(0, amount.stripTrailingZeros().scale()));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(amount);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    public String instant(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                .withZone(calendar.zone()).format(instant);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static Currency currencyOrNull(String code) {
        try {
            return code == null ? null : Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
