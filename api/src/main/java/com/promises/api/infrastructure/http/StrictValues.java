package com.promises.api.infrastructure.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Amounts and dates in request bodies, read only in the one spelling the contract gives them. Jackson
 * alone also takes " 10.00 ", "+10.00", "1E+1" and [2027,3,1]: a value the client may not have meant,
 * stored as a fact. A refusal names the field (the caller adds the path) and says what is expected.
 */
final class StrictValues extends SimpleModule {

    StrictValues() {
        super("promises-strict-values");
        addDeserializer(BigDecimal.class, new PlainDecimal());
        addDeserializer(LocalDate.class, new IsoDate());
    }

    /**
     * Digits with at most one point between digits, as a JSON string or a JSON number. A minus is read, so
     * that Bean Validation refuses the amount ("must be greater than 0") beside the request's other mistakes.
     */
    static final class PlainDecimal extends StdScalarDeserializer<BigDecimal> {

        /** Twenty digits either side is more than any amount of money, and keeps a long string from costly parsing. */
        private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,20})?");

        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            boolean scalar = token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT;
            if (scalar && PLAIN.matcher(parser.getText()).matches()) {
                return new BigDecimal(parser.getText());
            }
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, token, parser,
                    "an amount is digits and at most one point, with no plus sign, exponent or spaces");
        }
    }

    /** yyyy-MM-dd as a JSON string, a real day of the calendar. */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {

        private static final Pattern ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING && ISO.matcher(parser.getText()).matches()) {
                try {
                    return LocalDate.parse(parser.getText());
                } catch (DateTimeParseException notADay) {
                    // the 30th of February: refused below like any other text
                }
            }
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser.currentToken(), parser,
                    "a date is a string yyyy-MM-dd");
        }
    }
}
