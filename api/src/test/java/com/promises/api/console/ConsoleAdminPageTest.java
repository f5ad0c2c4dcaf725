package com.promises.api.console;

import com.promises.core.money.Money;
import com.promises.core.promise.Channel;
import com.promises.core.promise.PromiseMade;
import com.promises.projections.rebuild.Projections;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Customers.anyId;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin page over HTTP: each event a read model parked, with its customer, its error and when. */
@IntegrationTest
class ConsoleAdminPageTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    Projections projections;

    @Test
    void anEventAReadModelCouldNotApplyIsListedWithItsCustomerAndError() throws Exception {
        // A promise of a customer nobody registered: the summary cannot apply it and parks it. Due far ahead, so that
        // nothing comes to judge or remind it while other tests run on this service.
        String orphan = anyId("orphan");
        LocalDate today = Customers.today();
        transactions.executeInTransaction(() -> eventStore.publish(new GenericDomainEventMessage<>("CustomerAccount", orphan, 0,
                new PromiseMade(orphan, "P-1", Money.of("10", "CNY"), today, today.plusDays(300), 3, today.plusDays(303),
                        Channel.PHONE, false, null, null, null, null, 1, Money.zero("CNY"), List.of(), today.atStartOfDay(ZoneOffset.UTC).toInstant()))));
        Await.until("the summary parks the orphan's promise",
                () -> projections.deadLetters(1_000).stream().anyMatch(parked -> orphan.equals(parked.customerId())));

        HttpResponse<String> page = ConsoleSession.signedIn(port, ADMIN).get("/console/admin");

        assertThat(page.statusCode()).isEqualTo(200);
        String row = rowOf(page.body(), orphan);
        assertThat(row).contains("<td>customer-summary</td>").contains("<td>PromiseMade</td>")
                .contains(orphan + " is not in the read model")
                .contains("href=\"/console/customers/" + orphan + "/audit\"")
                .contains("<time datetime=\"");
    }

    /** The dead-letter table's row of a customer. */
    private static String rowOf(String page, String customerId) {
        int table = page.indexOf("id=\"dead-letters\"");
        assertThat(table).as("the dead-letter table").isPositive();
        int start = page.indexOf("data-customer=\"" + customerId + "\"", table);
        assertThat(start).as("a row for %s", customerId).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
