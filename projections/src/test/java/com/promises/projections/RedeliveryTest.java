package com.promises.projections;

import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.Reason;
import com.promises.projections.summary.Projectors;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.Events;
import com.promises.projections.testing.ReadModelDatabase;
import com.promises.projections.testing.ReadModelTables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor delivers events again when its token is moved back, or when it crashed after handling a batch and
 * before committing its token: the read models must end exactly as if each event had come once.
 */
class RedeliveryTest {

    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void eventsDeliveredAgainChangeNoReadModelRow() {
        Object[] readModels = Projectors.both(feed.jdbc(), ZoneId.of("UTC"));
        List<DomainEventMessage<?>> history = new ArrayList<>();
        for (String id : List.of("again-1", "again-2")) {
            Events customer = new Events(id);
            PromiseMade kept = customer.promiseMade("P-1", "500", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10));
            PromiseMade broken = customer.promiseMade("P-2", "700", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20));
            PromiseMade open = customer.promiseMade("P-3", "900", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 20));
            history.addAll(feed.record(id, customer.registered(), kept, broken, open,
                    customer.paid("PAY-1", "P-1", "500", LocalDate.of(2026, 3, 5)), customer.kept(kept, LocalDate.of(2026, 3, 5)),
                    customer.reminded(open, LocalDate.of(2026, 3, 6), 3),
                    customer.brokenBecause(broken, Reason.CASH_FLOW, Instant.parse("2026-03-24T09:00:00Z")),
                    customer.paid("PAY-2", "P-2", "200", LocalDate.of(2026, 3, 25)),
                    customer.disputed(open, LocalDate.of(2026, 3, 26))));
        }
        feed.deliver(history, readModels);
        String once = ReadModelTables.fingerprint(feed.jdbc());

        feed.deliver(history.subList(history.size() - 4, history.size()), readModels); // the token moved back four events
        feed.deliver(history, readModels); // the whole history again

        assertThat(ReadModelTables.fingerprint(feed.jdbc())).isEqualTo(once);
        assertThat(feed.jdbc().queryForObject("select still_owed from follow_up where customer_id = 'again-1'", String.class))
                .isEqualTo("500.0000");
        assertThat(feed.jdbc().queryForObject("select paid from customer_promise where customer_id = 'again-2' and promise_id = 'P-2'",
                String.class)).isEqualTo("200.0000");
    }
}
