package com.promises.projections.audit;

import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.Reason;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;

import java.time.Instant;
import java.time.LocalDate;

/** Histories the audit tests read, recorded at known instants. */
final class AuditedCustomers {

    private AuditedCustomers() {
    }

    /**
     * Registered with two promises on 1 May; the first paid and kept on 9 May (recorded then); the second broken for
     * cash flow, recorded on 24 May. Six events, sequences 0 to 5; under policy v1 the score ends at 48.7.
     */
    static Events keptThenBroken(EventFeed feed, String id) {
        Events customer = new Events(id);
        PromiseMade kept = customer.promiseMade("P-1", "500", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10));
        PromiseMade broken = customer.promiseMade("P-2", "300", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 20));
        feed.recordAt(Instant.parse("2026-05-01T09:00:00Z"), id, customer.registered(), kept, broken);
        feed.recordAt(Instant.parse("2026-05-09T09:00:00Z"), id, customer.paid("PAY-1", "P-1", "500", LocalDate.of(2026, 5, 9)),
                customer.kept(kept, LocalDate.of(2026, 5, 9)));
        Instant brokenAt = Instant.parse("2026-05-24T09:00:00Z");
        feed.recordAt(brokenAt, id, customer.brokenBecause(broken, Reason.CASH_FLOW, brokenAt));
        return customer;
    }
}
