package com.promises.core.overdue;

/** How late a customer is today, the worst first: see {@link OverdueStanding#status}. */
public enum OverdueStatus { CURRENT, DUE_SOON, IN_GRACE, OVERDUE, DISPUTED }
