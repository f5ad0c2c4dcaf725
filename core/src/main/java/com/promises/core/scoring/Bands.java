package com.promises.core.scoring;

import java.math.BigDecimal;

/** Where a score falls: A from {@code a}, B from {@code b}, C from {@code c}, D below. */
public record Bands(BigDecimal a, BigDecimal b, BigDecimal c) {

    public Band of(BigDecimal score) {
        if (score.compareTo(a) >= 0) {
            return Band.A;
        }
        if (score.compareTo(b) >= 0) {
            return Band.B;
        }
        return score.compareTo(c) >= 0 ? Band.C : Band.D;
    }
}
