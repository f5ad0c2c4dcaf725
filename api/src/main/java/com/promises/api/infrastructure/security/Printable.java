package com.promises.api.infrastructure.security;

/** A name a client sent, made safe for one log line: no line breaks or other controls, not too long. */
final class Printable {

    private static final int MAX_LENGTH = 64;

    private Printable() {
    }

    static String of(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        String shown = untrusted.length() > MAX_LENGTH ? untrusted.substring(0, MAX_LENGTH) + "..." : untrusted;
        return shown.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
