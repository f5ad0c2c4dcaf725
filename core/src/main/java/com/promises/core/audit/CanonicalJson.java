package com.promises.core.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One spelling for every JSON value, so a hash over it does not depend on who wrote the JSON: object members sorted
 * by name (UTF-16 code units, as RFC 8785 sorts them), no whitespace, strings escaped only where JSON requires it,
 * numbers by value ({@code 1200.00}, {@code 1.2E+3} and {@code 1200} are all {@code 1200}). The service writes it when
 * it chains an event and the offline verifier when it checks one; both read JSON written by others, so the spelling
 * is decided here and nowhere else.
 */
public final class CanonicalJson {

    /** Past this many digits after or before the point a number is written as {@code <digits>e<exponent>}. */
    private static final int PLAIN_DIGITS = 64;
    private static final int MAX_DEPTH = 200;

    private final String text;
    private int at;

    private CanonicalJson(String text) {
        this.text = text;
    }

    /**
     * The canonical spelling of this JSON text.
     *
     * @throws IllegalArgumentException when the text is not one JSON value, or an object names a member twice
     */
    public static String of(String json) {
        CanonicalJson reader = new CanonicalJson(json);
        StringBuilder out = new StringBuilder(json.length());
        reader.value(out, 0);
        reader.skipWhitespace();
        if (reader.at != json.length()) {
            throw reader.malformed("text after the value");
        }
        return out.toString();
    }

    /**
     * An object of these members, canonical: each value a String, a Number, a Boolean, null, or a {@link Canonical}
     * (JSON already in canonical form, written as it is).
     */
    public static String object(Map<String, ?> members) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> member : new TreeMap<>(members).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(member.getKey(), out);
            out.append(':');
            Object value = member.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof Canonical canonical) {
                out.append(canonical.json());
            } else if (value instanceof String s) {
                string(s, out);
            } else if (value instanceof Boolean b) {
                out.append(b);
            } else if (value instanceof Number n) {
                out.append(number(new BigDecimal(n.toString())));
            } else {
                throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
            }
        }
        return out.append('}').toString();
    }

    /** JSON text known to be canonical already. */
    public record Canonical(String json) {
    }

    /** A number by value: no trailing zeros, no exponent unless it would take more than 64 digits. */
    static String number(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = stripped.scale();
        if (scale < 0 && -scale <= PLAIN_DIGITS) {
            return stripped.setScale(0).toPlainString();
        }
        if (scale >= 0 && scale <= PLAIN_DIGITS) {
            return stripped.toPlainString();
        }
        return stripped.unscaledValue() + "e" + (-(long) scale);
    }

    private void value(StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (at >= text.length()) {
            throw malformed("a value was expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object(out, depth);
            case '[' -> array(out, depth);
            case '"' -> string(readString(), out);
            case 't' -> literal("true", out);
            case 'f' -> literal("false", out);
            case 'n' -> literal("null", out);
            default -> out.append(number(readNumber()));
        }
    }

    private void object(StringBuilder out, int depth) {
        at++;
        Map<String, String> members = new TreeMap<>();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            out.append("{}");
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw malformed("a member name was expected");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            StringBuilder member = new StringBuilder();
            value(member, depth + 1);
            if (members.put(name, member.toString()) != null) {
                throw malformed("the member \"" + name + "\" appears twice");
            }
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                break;
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(member.getKey(), out);
            out.append(':').append(member.getValue());
        }
        out.append('}');
    }

    private void array(StringBuilder out, int depth) {
        at++;
        List<String> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            out.append("[]");
            return;
        }
        while (true) {
            StringBuilder item = new StringBuilder();
            value(item, depth + 1);
            items.add(item.toString());
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                break;
            }
        }
        out.append('[').append(String.join(",", items)).append(']');
    }

    private String readString() {
        at++; // the opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw malformed("a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw malformed("a control character inside a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw malformed("a string is not closed");
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw malformed("a \\u escape is cut short");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw malformed("a \\u escape is not hexadecimal");
                    }
                    at += 4;
                }
                default -> throw malformed("an unknown escape \\" + escaped);
            }
        }
    }

    private BigDecimal readNumber() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw malformed("a value was expected");
        }
        if (peek() == '.') {
            at++;
            if (!isDigit(peek())) {
                throw malformed("a digit was expected after the point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw malformed("a digit was expected in the exponent");
            }
            digits();
        }
        try {
            return new BigDecimal(text.substring(start, at));
        } catch (NumberFormatException e) { // an exponent beyond what BigDecimal holds
            throw malformed("a number out of range");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word, StringBuilder out) {
        if (!text.startsWith(word, at)) {
            throw malformed("a value was expected");
        }
        at += word.length();
        out.append(word);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw malformed("'" + c + "' was expected");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("Not JSON at character " + at + ": " + what);
    }

    /** Escapes only what JSON requires (and lone surrogates, which UTF-8 cannot carry). */
    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1));
                    if (pairedSurrogate) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
