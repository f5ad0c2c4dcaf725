package com.promises.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One spelling per JSON value: what two writers of the same payload must agree on before they hash it. */
class CanonicalJsonTest {

    @Test
    void membersAreSortedAndWhitespaceDropped() {
        assertThat(CanonicalJson.of(" { \"b\" : [ 1 , { \"z\": null, \"a\": true } ], \"a\" : \"x\" } "))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":null}]}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1200.00 | 1200",
            "1.2E+3  | 1200",
            "1200    | 1200",
            "0.8000  | 0.8",
            "-0.0    | 0",
            "8e-1    | 0.8",
            "-12.50  | -12.5",
            "1e100   | 1e100",
            "1E-70   | 1e-70"})
    void numbersAreSpelledByTheirValue(String written, String canonical) {
        assertThat(CanonicalJson.of(written)).isEqualTo(canonical);
    }

    @Test
    void stringsEscapeOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.of("\"a\\/b \\u00e9 \\n \\u0001 \\\" \\\\ 中\""))
                .isEqualTo("\"a/b é \\n \\u0001 \\\" \\\\ 中\"");
    }

    @Test
    void itsOwnSpellingIsKept() {
        String once = CanonicalJson.of("{\"amount\":{\"amount\":\"1200.00\",\"currency\":\"CNY\"},\"fraction\":0.5000,"
                + "\"note\":\"line\\nbreak\",\"list\":[3,2.0,1]}");
        assertThat(CanonicalJson.of(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1 2]", "{\"a\":1,\"a\":2}", "01", "1.", "tru", "\"open", "{} {}",
            "\"tab\there\"", "1e999999999999"})
    void whatIsNotOneJsonValueIsRefused(String text) {
        assertThatThrownBy(() -> CanonicalJson.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anObjectIsBuiltFromPlainValues() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("score", new BigDecimal("50.0"));
        fields.put("band", "C");
        fields.put("payload", new CanonicalJson.Canonical("{\"a\":1}"));
        fields.put("actor", null);
        fields.put("sequence", 7L);
        assertThat(CanonicalJson.object(fields)).isEqualTo("{\"actor\":null,\"band\":\"C\",\"payload\":{\"a\":1},\"score\":50,\"sequence\":7}");
    }
}
