package com.promises.core.payment;

/** Why money recorded as received was not received after all. */
public enum ReversalReason { BOUNCED, RECORDED_IN_ERROR, CHARGEBACK }
