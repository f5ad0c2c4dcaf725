package com.promises.api.imports;

/** A line longer than promises.imports.max-line-size: skipped unread. */
class LineTooLongException extends RuntimeException {

    LineTooLongException(long limit) {
        super("The line is longer than " + limit + " bytes; no command is that long.");
    }
}
