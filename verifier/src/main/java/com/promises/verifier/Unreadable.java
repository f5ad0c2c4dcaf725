package com.promises.verifier;

/** The input is not a bundle the verifier can read (exit code 2): said in one sentence, never a stack trace. */
final class Unreadable extends Exception {

    Unreadable(String message) {
        super(message);
    }
}
