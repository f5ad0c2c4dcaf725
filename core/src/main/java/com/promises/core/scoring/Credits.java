package com.promises.core.scoring;

/**
 * What each way of ending a promise earns, before weighting. Cancelled promises and upheld
 * disputes earn nothing and weigh nothing: they are not in this table because they are not valued.
 */
public record Credits(double keptOnTime,
                      double keptWithinGrace,
                      double partiallyKeptPerFractionPaid,
                      double broken,
                      double renegotiatedBeforeDue,
                      double renegotiatedAfterDue) {
}
