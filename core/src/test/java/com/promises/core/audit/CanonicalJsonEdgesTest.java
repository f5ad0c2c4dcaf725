package com.promises.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edges of the canonical spelling: empty containers, the nesting limit, digits, long numbers, surrogates. */
class CanonicalJsonEdgesTest {

    @Test
    void emptyContainersWithWhitespaceInside() {
        assertThat(CanonicalJson.of("[ ]")).isEqualTo("[]");
        assertThat(CanonicalJson.of("{ }")).isEqualTo("{}");
        assertThat(CanonicalJson.of("{\"a\":[],\"b\":{}}")).isEqualTo("{\"a\":[],\"b\":{}}");
        assertThat(CanonicalJson.of("[ true , false , null ]")).isEqualTo("[true,false,null]");
    }

    @Test
    void nestingIsAllowedTwoHundredDeepAndNoDeeper() {
        assertThat(CanonicalJson.of(nestedArrays(201))).isEqualTo(nestedArrays(201));
        assertThatThrownBy(() -> CanonicalJson.of(nestedArrays(202))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper than 200");
        assertThat(CanonicalJson.of(nestedObjects(201))).isEqualTo(nestedObjects(201));
        assertThatThrownBy(() -> CanonicalJson.of(nestedObjects(202))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper than 200");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "9        | 9",
            "1234567890 | 1234567890",
            "-0.9     | -0.9",
            "1e64     | 10000000000000000000000000000000000000000000000000000000000000000",
            "1e65     | 1e65",
            "1e-64    | 0.0000000000000000000000000000000000000000000000000000000000000001",
            "1e-65    | 1e-65",
            "1E+2     | 100",
            "2.5e-1   | 0.25"})
    void digitsAndTheLengthPastWhichAnExponentIsWritten(String written, String canonical) {
        assertThat(CanonicalJson.of(written)).isEqualTo(canonical);
    }

    @Test
    void surrogatePairsAreKeptAndLoneSurrogatesEscaped() {
        assertThat(CanonicalJson.of("\"\\ud83d\\ude00\"")).isEqualTo("\"\uD83D\uDE00\"");
        assertThat(CanonicalJson.of("\"a\\ud83db\"")).isEqualTo("\"a\\ud83db\"");
        assertThat(CanonicalJson.of("\"a\\ud83d\"")).isEqualTo("\"a\\ud83d\"");
        assertThat(CanonicalJson.of("\"\\ude00a\"")).isEqualTo("\"\\ude00a\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"ends in a backslash\\       | a string is not closed",
            "\"\\u12                        | a \\u escape is cut short",
            "\"\\u0041                      | a string is not closed",
            "\"\\uzzzz\"                    | a \\u escape is not hexadecimal",
            "\"\\q\"                        | an unknown escape",
            "fals                           | a value was expected",
            "-                              | a value was expected",
            "1.x                            | a digit was expected after the point",
            "1e+                            | a digit was expected in the exponent",
            "{1:2}                          | a member name was expected",
            "{\"a\" 1}                      | ':' was expected",
            "[1,2                           | ']' was expected"})
    void whatIsRefusedSaysWhy(String text, String why) {
        assertThatThrownBy(() -> CanonicalJson.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    private static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }
}
