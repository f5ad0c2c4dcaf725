package com.promises.core.account;

import java.util.Objects;

/**
 * A command the customer account refuses, with a stable code for programs and a sentence for
 * collectors ("A reminder was sent on 2026-06-15; the next one is allowed from 2026-06-18").
 * Nothing is stored when a command is rejected.
 */
public class CommandRejected extends RuntimeException {

    private final Rejection rejection;

    public CommandRejected(Rejection rejection, String detail) {
        super(Objects.requireNonNull(detail, "detail"));
        this.rejection = Objects.requireNonNull(rejection, "rejection");
    }

    public Rejection rejection() {
        return rejection;
    }

    public String code() {
        return rejection.name();
    }

    public Rejection.Kind kind() {
        return rejection.kind();
    }
}
