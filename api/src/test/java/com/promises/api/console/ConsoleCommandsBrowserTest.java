package com.promises.api.console;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector's further forms in a real browser: plans, disputes, refusals beside their field, and zh-CN figures and
 * labels.
 */
@IntegrationTest
class ConsoleCommandsBrowserTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    EventStoreRows events;
    Browser browser;

    @BeforeEach
    void connect() {
        api = new Api(port);
        events = new EventStoreRows(jdbc);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anInstallmentPlanAgreedThroughItsFormOpensAPromisePerInstallment() {
        String customerId = new Customers(api).registered();
        LocalDate today = Customers.today();
        browser = Browser.open(port).signIn(COLLECTOR).go("/console/customers/" + customerId);

        browser.type(By.id("plan-id"), "PLAN-1")
                .date(By.id("plan-due-0"), today.plusDays(10).toString())
                .type(By.id("plan-amount-0"), "500.00")
                .date(By.id("plan-due-1"), today.plusDays(40).toString())
                .type(By.id("plan-amount-1"), "700.00")
                .submit(By.id("plan-submit"));

        assertThat(events.typesOf(customerId))
                .containsExactly("CustomerRegistered", "InstallmentPlanMade", "PromiseMade", "PromiseMade");
        assertThat(browser.find(By.id("promises")).findElements(By.cssSelector("tbody tr"))).hasSize(2);
        String promises = browser.text(By.id("promises"));
        assertThat(promises).contains("CN¥500.00").contains("CN¥700.00");
        assertThat(events.of(customerId).get(1).payload().path("planId").asText()).isEqualTo("PLAN-1");
        browser.screenshot("collector-installment-plan");
    }

    @Test
    void aDisputeOpenedAndResolvedAgainstTheCustomerLeavesThePromiseOpenAgain() {
        String customerId = new Customers(api).registered();
        String promiseId = new Customers(api).promiseMade(customerId, "900.00", Customers.today().plusDays(6));
        browser = Browser.open(port).signIn(COLLECTOR).go("/console/customers/" + customerId);

        browser.select(By.id("dispute-promise"), promiseId)
                .select(By.id("dispute-reason"), "GOODS_NOT_RECEIVED")
                .type(By.id("dispute-note"), "Second delivery never arrived")
                .submit(By.id("dispute-submit"));

        assertThat(stateOf(promiseId)).isEqualTo("DISPUTED");
        browser.screenshot("collector-dispute-opened");

        browser.select(By.id("resolution-promise"), promiseId)
                .select(By.id("resolution-upheld"), "false")
                .type(By.id("resolution-note"), "Delivery note signed by their storekeeper")
                .submit(By.id("resolution-submit"));

        assertThat(stateOf(promiseId)).isEqualTo("OPEN");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "DisputeOpened",
                "DisputeResolved");
        assertThat(events.of(customerId).get(3).payload().path("upheld").asBoolean()).isFalse();
        browser.screenshot("collector-dispute-resolved");
    }

    @Test
    void aRefusedInstallmentStandsBesideItsFieldAndTheFormKeepsWhatWasTyped() {
        String customerId = new Customers(api).registered();
        LocalDate today = Customers.today();
        browser = Browser.open(port).signIn(COLLECTOR).go("/console/customers/" + customerId);

        // The second installment has an amount but no date: the API's own constraint refuses it, beside that row.
        browser.date(By.id("plan-due-0"), today.plusDays(10).toString())
                .type(By.id("plan-amount-0"), "500.00")
                .type(By.id("plan-amount-1"), "300.00")
                .submit(By.id("plan-submit"));

        assertThat(browser.text(By.id("plan-installments[1].dueDate-error"))).isNotBlank();
        assertThat(browser.has(By.id("plan-installments[0].dueDate-error"))).isFalse();
        assertThat(browser.find(By.id("plan-amount-1")).getDomProperty("value")).isEqualTo("300.00");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");
        browser.screenshot("collector-plan-refused");

        // An amount with more decimals than the currency has: refused by the account's money rule, beside the amount.
        browser.go("/console/customers/" + customerId)
                .date(By.id("plan-due-0"), today.plusDays(10).toString())
                .type(By.id("plan-amount-0"), "500.001")
                .submit(By.id("plan-submit"));
        assertThat(browser.text(By.id("plan-installments[0].amount-error"))).isNotBlank();
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");
    }

    @Test
    void moneyAndDatesAreWrittenTheChineseWayForAChineseBrowser() {
        String customerId = new Customers(api).registered();
        LocalDate due = Customers.today().plusDays(12);
        String promiseId = new Customers(api).promiseMade(customerId, "1200.00", due);
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/payments", """
                {"paymentId": "PAY-zh", "amount": "700.00", "currency": "CNY", "paidOn": "%s", "promiseId": "%s"}
                """.formatted(Customers.today(), promiseId)).status()).isEqualTo(201);

        browser = Browser.open(port, "zh-CN,zh").signIn(COLLECTOR).go("/console/customers/" + customerId);

        String row = browser.text(By.cssSelector("#promises tr[data-promise='" + promiseId + "']"));
        assertThat(row).contains("¥1,200.00").contains("¥700.00").doesNotContain("CNY").contains("未结")
                .contains(due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
        // The payments and the timeline come from the history, loaded after the page.
        String payments = browser.text(By.id("payments"));
        LocalDate today = Customers.today();
        assertThat(payments).contains("¥700.00").doesNotContain("700.00 CNY")
                .contains(today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
        assertThat(browser.find(By.cssSelector("#timeline time")).getText()).contains("年").doesNotContain("T");
        browser.screenshot("collector-customer-zh");
    }

    private String stateOf(String promiseId) {
        // The state as recorded (the cell's text is its label in the page's language).
        return browser.find(By.cssSelector("#promises tr[data-promise='" + promiseId + "'] td.state")).getDomAttribute("data-state");
    }
}
