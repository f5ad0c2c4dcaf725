package com.promises.core.commitment;

/** What we promised the customer (seed 002): a collection visit, a call, a delivery, a document. */
public enum CommitmentKind { VISIT, CALL, DELIVERY, DOCUMENT }
