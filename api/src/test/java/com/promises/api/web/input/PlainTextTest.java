package com.promises.api.web.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What an auditor reads is what was typed: no markup, no control characters, nothing that reorders or hides text. */
class PlainTextTest {

    private final PlainText.Validator plainText = new PlainText.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"Will pay after their own customer settles", "amount < 500", "付款 1200 元", "سيدفع غدا",
            "line one\nline two\ttabbed", "emoji \uD83D\uDCB0 in a pair", "x + y > z"})
    void ordinaryTextInAnyLanguageIsAccepted(String text) {
        assertThat(plainText.isValid(text, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "a\u0000b", "a\u001Bb",
            "\u202Apay", "\u202Bpay", "\u202Cpay", "\u202Dpay", "pay 100\u202E0001",
            "\u2066pay", "\u2067pay", "\u2068pay", "pay\u2069",
            "lone high \uD800 surrogate", "lone low \uDC00 surrogate", "ends high \uDBFF", "\uDFFFstarts low"})
    void markupControlsBidiOverridesAndLoneSurrogatesAreRefused(String text) {
        assertThat(plainText.isValid(text, null)).isFalse();
    }
}
