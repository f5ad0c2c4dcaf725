package com.promises.core.overdue;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A promise with money still owed on it (see {@code Owed}), as overdue status weighs it. */
public record OwedPromise(BigDecimal unpaid, LocalDate dueDate, LocalDate windowClosesOn) {
}
