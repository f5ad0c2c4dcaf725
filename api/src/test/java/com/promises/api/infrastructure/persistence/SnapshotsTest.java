package com.promises.api.infrastructure.persistence;

import com.promises.core.account.RegisterCustomer;
import com.promises.core.money.Money;
import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.testing.Await;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long-lived account is snapshotted in PostgreSQL, and the account loaded from the snapshot carries on. The account
 * cache is off, so every command loads the account from the store: from its snapshot and the events after it.
 */
@IntegrationTest
@TestPropertySource(properties = {"promises.account-cache.size=0", "promises.clock.fixed=2026-06-15T09:00:00Z"})
class SnapshotsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLongLivedAccountIsSnapshottedAndCarriesOnFromTheSnapshot() {
        String customer = "snapshot-" + System.nanoTime();
        gateway.sendAndWait(new RegisterCustomer(customer, "Long Lived Ltd", "CNY"));
        for (int i = 0; i < 60; i++) {
            gateway.sendAndWait(new MakePromise(customer, "P-" + i, Money.of("100", "CNY"), TODAY.plusDays(5), null,
                    Channel.PHONE, true, null, null));
            gateway.sendAndWait(new RecordPayment(customer, "PAY-" + i, Money.of("60", "CNY"), TODAY, null));
        }
        // snapshots are taken off the command thread
        Await.until("a snapshot of " + customer, () -> snapshots(customer) > 0);

        // 60 x 100 promised, 60 x 60 paid oldest first: 2,400 is still owed, so 100 of this payment becomes credit
        PaymentAccepted answer = gateway.sendAndWait(new RecordPayment(customer, "PAY-last", Money.of("2500", "CNY"), TODAY, null));
        assertThat(answer.unallocated()).isEqualTo(Money.of("100", "CNY"));
        assertThat(answer.allocations().stream().map(a -> a.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("2400");
        assertThat(answer.allocations().get(answer.allocations().size() - 1).promiseId()).isEqualTo("P-59");
        assertThat(creditAfterTheLastPayment(customer)).isEqualByComparingTo("100");
    }

    /**
     * Proof that the snapshot is what is read: a mark only the snapshot carries (credit of 7.00 that no event gave)
     * shows in the account's next decision. Replayed from its events alone, the account would not have it.
     */
    @Test
    void theStoredSnapshotIsWhatTheAccountIsLoadedFrom() {
        String customer = "snapshot-read-" + System.nanoTime();
        gateway.sendAndWait(new RegisterCustomer(customer, "Long Lived Ltd", "CNY"));
        for (int i = 0; i < 110; i++) {
            gateway.sendAndWait(new RecordPayment(customer, "PAY-" + i, Money.of("1", "CNY"), TODAY, null));
        }
        Await.until("a snapshot of " + customer, () -> snapshots(customer) > 0);
        BigDecimal credit = jdbc.queryForObject("""
                select (convert_from(payload, 'UTF8')::jsonb #>> '{ledger,credit,amount}')::numeric
                from snapshotevententry where aggregateidentifier = ?""", BigDecimal.class, customer);
        assertThat(credit).isPositive().isLessThanOrEqualTo(new BigDecimal("110"));
        int marked = jdbc.update("""
                update snapshotevententry set payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb,
                    '{ledger,credit,amount}', to_jsonb((? + 7.00)::text))::text, 'UTF8')
                where aggregateidentifier = ?""", credit, customer);
        assertThat(marked).isOne();

        gateway.sendAndWait(new RecordPayment(customer, "PAY-last", Money.of("1", "CNY"), TODAY, null));

        // 110 paid as credit, 1 more now, and the 7 only the snapshot holds
        assertThat(creditAfterTheLastPayment(customer)).isEqualByComparingTo("118");
    }

    private BigDecimal creditAfterTheLastPayment(String customer) {
        var payments = new EventStoreRows(jdbc).of(customer).stream().filter(row -> row.type().equals("PaymentRecorded")).toList();
        return new BigDecimal(payments.get(payments.size() - 1).payload().path("creditBalance").path("amount").asText());
    }

    private long snapshots(String customer) {
        Long count = jdbc.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ?", Long.class, customer);
        return count == null ? 0 : count;
    }
}
