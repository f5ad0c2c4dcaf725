package com.promises.core.promise;

/** What changed the money under a judged promise (DOMAIN.md rule 9). */
public enum RejudgedBecause { PAYMENT_REVERSED, BACKDATED_PAYMENT }
