package com.promises.core.commitment;

/** How one of our commitments ended. Seed 002: when we cannot keep one, we say so in advance and apologise. */
public enum CommitmentOutcome { KEPT, MISSED, CANCELLED_IN_ADVANCE }
