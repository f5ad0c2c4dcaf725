package com.promises.api.infrastructure.persistence;

import com.promises.core.account.RegisterCustomer;
import com.promises.core.money.Money;
import com.promises.core.payment.PaymentAccepted;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.testing.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A long-lived account is snapshotted in PostgreSQL, and the account loaded from the snapshot carries on. */
@IntegrationTest
class SnapshotsTest {

    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLongLivedAccountIsSnapshottedAndCarriesOnFromTheSnapshot() throws Exception {
        String customer = "snapshot-" + System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        gateway.sendAndWait(new RegisterCustomer(customer, "Long Lived Ltd", "CNY"));
        for (int i = 0; i < 60; i++) {
            gateway.sendAndWait(new MakePromise(customer, "P-" + i, Money.of("100", "CNY"), today.plusDays(5), null,
                    Channel.PHONE, true, null, null));
            gateway.sendAndWait(new RecordPayment(customer, "PAY-" + i, Money.of("60", "CNY"), today, null));
        }
        for (int i = 0; i < 100 && snapshots(customer) == 0; i++) {
            Thread.sleep(50); // snapshots are taken off the command thread
        }
        assertThat(snapshots(customer)).isPositive();

        // 60 x 100 promised, 60 x 60 paid oldest first: 2,400 is still owed, so 100 of this payment becomes credit
        PaymentAccepted answer = gateway.sendAndWait(new RecordPayment(customer, "PAY-last", Money.of("2500", "CNY"), today, null));
        assertThat(answer.unallocated()).isEqualTo(Money.of("100", "CNY"));
        assertThat(answer.allocations().stream().map(a -> a.amount().amount()).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add)).isEqualByComparingTo("2400");
        assertThat(answer.allocations().get(answer.allocations().size() - 1).promiseId()).isEqualTo("P-59");
    }

    private long snapshots(String customer) {
        Long count = jdbc.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ?", Long.class, customer);
        return count == null ? 0 : count;
    }
}
