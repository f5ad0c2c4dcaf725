package com.promises.core.money;

/** An amount or currency that cannot be money: an unknown currency code or too many decimals for it. */
public class InvalidMoneyException extends IllegalArgumentException {

    public enum Kind { CURRENCY, SCALE }

    private final Kind kind;

    public InvalidMoneyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
