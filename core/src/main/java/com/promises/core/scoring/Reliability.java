package com.promises.core.scoring;

import java.math.BigDecimal;

/** A customer's reliability as one policy version sees it: the score (0-100, one decimal) and how it was reached. */
public record Reliability(BigDecimal score,
                          Band band,
                          String policyVersion,
                          int kept,
                          int partiallyKept,
                          int broken,
                          int renegotiated,
                          boolean habitualBreaker) {
}
