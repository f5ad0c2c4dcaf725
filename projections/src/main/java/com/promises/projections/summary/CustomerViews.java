package com.promises.projections.summary;

import java.util.function.Consumer;

/**
 * Where the summary projection finds and keeps each customer's view. Each change comes with the sequence number of
 * the customer's event that causes it; a change at or below the view's last applied sequence is skipped.
 */
interface CustomerViews {

    /** Applies the change to the customer's view, made afresh when there is none yet (a registration). */
    void open(String customerId, long sequence, Consumer<CustomerView> change);

    /** Applies the change to the customer's view; a customer without one is an error the event is parked for. */
    void change(String customerId, long sequence, Consumer<CustomerView> change);

    /** Moves the customer's last applied sequence, for events that change nothing else (read-your-writes). */
    void touch(String customerId, long sequence);

    /** Forgets every view, before a replay of the history. */
    void clear();
}
