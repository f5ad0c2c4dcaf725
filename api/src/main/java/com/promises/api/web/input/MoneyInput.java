package com.promises.api.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.promises.api.web.input.Amount;
import com.promises.api.web.input.CurrencyCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.io.IOException;
import java.math.BigDecimal;

/** An amount sent either as {"amount": "600.00", "currency": "CNY"} or as a bare decimal beside a currency field. */
@Schema(description = "Money: {amount, currency}; a bare decimal is accepted when the body has a currency field")
@JsonDeserialize(using = MoneyInput.Reader.class)
public record MoneyInput(@NotNull @Amount @Schema(example = "600.00", type = "string", pattern = Amounts.DOCUMENTED_PATTERN,
                description = Amounts.DOCUMENTED_AS) BigDecimal amount,
                  @CurrencyCode @Schema(example = "CNY") String currency) {

    /**
     * Jackson lets a delegating creator take objects too, so both shapes are read here; unknown
     * fields and wrong types fail as they do everywhere else, with their path.
     */
    static final class Reader extends StdDeserializer<MoneyInput> {

        Reader() {
            super(MoneyInput.class);
        }

        @Override
        public MoneyInput deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartObjectToken()) {
                return new MoneyInput(context.readValue(parser, BigDecimal.class), null);
            }
            BigDecimal amount = null;
            String currency = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                parser.nextToken();
                try {
                    switch (field) {
                        case "amount" -> amount = context.readValue(parser, BigDecimal.class);
                        case "currency" -> currency = context.readValue(parser, String.class);
                        default -> context.handleUnknownProperty(parser, this, MoneyInput.class, field);
                    }
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, MoneyInput.class, field);
                }
            }
            return new MoneyInput(amount, currency);
        }
    }
}
