package com.promises.verifier;

/**
 * The first line of a bundle that does not hold, and why.
 *
 * @param line   1-based, as an editor numbers it
 * @param check  what failed: hash, signature or score
 */
record Failure(int line, Check check, String reason) {

    enum Check {
        HASH, SIGNATURE, SCORE;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return "line " + line + ": " + check.word() + ": " + reason;
    }
}
