package com.promises.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.EventStoreRows;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static com.promises.testing.Customers.anyId;
import static org.assertj.core.api.Assertions.assertThat;

/** The console in a real browser: what collectors, auditors and admins do there, each ending in a screenshot. */
@IntegrationTest
class ConsoleBrowserTest {

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
    void aCollectorRegistersACustomerWhoPromisesAndPaysAndSeesThePromiseKeptAndTheScoreRise() {
        browser = Browser.open(port).signIn(COLLECTOR);
        assertThat(browser.url()).endsWith("/console/today");

        String customerId = anyId("browser");
        browser.click(By.linkText("Register a customer"))
                .type(By.id("register-id"), customerId)
                .type(By.id("register-name"), "Hotel Zhonghua")
                .type(By.id("register-currency"), "CNY")
                .submit(By.id("register-submit"));
        assertThat(browser.text(By.id("customer-name"))).isEqualTo("Hotel Zhonghua");
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered");

        LocalDate today = Customers.today();
        browser.type(By.id("promise-id"), "P-1")
                .type(By.id("promise-amount"), "1200.00")
                .date(By.id("promise-due"), today.plusDays(10).toString())
                .submit(By.id("promise-submit"));
        assertThat(stateOf("P-1")).isEqualTo("OPEN");
        BigDecimal scoreBefore = new BigDecimal(browser.text(By.id("score")));

        // A refusal shows the problem's detail beside the field at fault and records nothing.
        browser.type(By.id("payment-amount"), "-5")
                .submit(By.id("payment-submit"));
        assertThat(browser.find(By.id("payment-amount-error")).getText()).isNotBlank();
        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade");

        browser.type(By.id("payment-amount"), "1200.00")
                .date(By.id("payment-paid-on"), today.toString())
                .select(By.id("payment-promise"), "P-1")
                .submit(By.id("payment-submit"));

        assertThat(stateOf("P-1")).isEqualTo("KEPT");
        BigDecimal scoreAfter = new BigDecimal(browser.text(By.id("score")));
        assertThat(scoreAfter).isGreaterThan(scoreBefore);
        assertThat(scoreAfter).isEqualByComparingTo(api.as(COLLECTOR).get("/api/v1/customers/" + customerId)
                .json().path("reliability").path("score").decimalValue());
        assertThat(browser.text(By.id("payments"))).contains("CN¥1,200.00");
        // The chart (loaded after the page): the starting score and one point per event, ending at today's score,
        // marked where the score moved.
        WebElement chart = browser.find(By.id("score-chart"));
        assertThat(chart.getDomAttribute("data-points")).isEqualTo(String.valueOf(events.of(customerId).size() + 1));
        assertThat(new BigDecimal(chart.getDomAttribute("data-last-score"))).isEqualByComparingTo(scoreAfter);
        List<WebElement> marks = chart.findElements(By.cssSelector("circle.point"));
        assertThat(marks).hasSize(2);
        assertThat(new BigDecimal(marks.get(1).getDomAttribute("data-score"))).isEqualByComparingTo(scoreAfter);
        assertThat(browser.text(By.id("score-changes"))).contains("PromiseKept");
        // The timeline names who recorded each event and under which correlation id.
        String timeline = browser.text(By.id("timeline"));
        assertThat(timeline).contains("PaymentRecorded").contains("collector")
                .contains(events.of(customerId).get(2).metadata().path("correlationId").asText());

        browser.screenshot("collector-customer-kept");
    }

    @Test
    void aBrokenPromiseTurnsTheChartDown() {
        String customerId = new Customers(api).registered();
        String promiseId = new Customers(api).promiseMade(customerId, "800.00", Customers.today().plusDays(5));
        browser = Browser.open(port).signIn(COLLECTOR).go("/console/customers/" + customerId);
        BigDecimal scoreBefore = new BigDecimal(browser.text(By.id("score")));

        browser.select(By.id("broken-promise"), promiseId)
                .select(By.id("broken-reason"), "REFUSES")
                .submit(By.id("broken-submit"));

        assertThat(stateOf(promiseId)).isEqualTo("BROKEN");
        assertThat(new BigDecimal(browser.text(By.id("score")))).isLessThan(scoreBefore);
        List<WebElement> changes = browser.find(By.id("score-changes")).findElements(By.tagName("li"));
        WebElement last = changes.get(changes.size() - 1);
        assertThat(last.getText()).contains("PromiseBroken");
        assertThat(last.getDomAttribute("class")).contains("down");
        browser.screenshot("collector-broken-promise");

        // The account refuses another faith than the reason's without a note: its detail stands beside the faith.
        int recorded = events.of(customerId).size();
        browser.select(By.id("explanation-promise"), promiseId)
                .select(By.id("explanation-reason"), "REFUSES")
                .select(By.id("explanation-faith"), "GOOD")
                .submit(By.id("explanation-submit"));
        assertThat(browser.text(By.id("explanation-faith-error"))).isNotBlank();
        assertThat(events.of(customerId)).hasSize(recorded);

        String other = new Customers(api).promiseMade(customerId, "200.00", Customers.today().plusDays(8));
        browser.go("/console/customers/" + customerId)
                .select(By.id("cancellation-promise"), other)
                .type(By.id("cancellation-note"), "Recorded twice by mistake")
                .submit(By.id("cancellation-submit"));
        assertThat(stateOf(other)).isEqualTo("CANCELLED");
    }

    @Test
    void aFormSubmittedTwiceRecordsOnce() {
        String customerId = new Customers(api).registered();
        browser = Browser.open(port).signIn(COLLECTOR).go("/console/customers/" + customerId);
        browser.type(By.id("promise-amount"), "300.00")
                .date(By.id("promise-due"), Customers.today().plusDays(20).toString());

        // What a double click sends: the same form, with the key it was rendered with, twice at once.
        Object statuses = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('promise-form');
                const body = new URLSearchParams(new FormData(form));
                const post = () => fetch(form.action, {method: 'POST', body: body, redirect: 'manual'}).then(r => r.type);
                Promise.all([post(), post()]).then(done, e => done(String(e)));
                """);
        assertThat(statuses).isEqualTo(List.of("opaqueredirect", "opaqueredirect"));
        // And a real double click on the button, which the browser may send once or twice.
        browser.go("/console/customers/" + customerId)
                .type(By.id("promise-amount"), "400.00")
                .date(By.id("promise-due"), Customers.today().plusDays(21).toString());
        WebElement old = browser.find(By.tagName("html"));
        new org.openqa.selenium.interactions.Actions(browser.driver()).doubleClick(browser.find(By.id("promise-submit"))).perform();
        browser.waitFor(ExpectedConditions.stalenessOf(old));
        browser.waitFor(driver -> browser.has(By.id("promises"))
                && browser.find(By.id("promises")).findElements(By.cssSelector("tbody tr")).size() == 2);

        assertThat(events.typesOf(customerId)).containsExactly("CustomerRegistered", "PromiseMade", "PromiseMade");
        assertThat(browser.find(By.id("promises")).findElements(By.cssSelector("tbody tr"))).hasSize(2);
        browser.screenshot("collector-double-submit");
    }

    @Test
    void anAuditorPicksAnEarlierInstantAndSeesTheEarlierScore() {
        String customerId = new Customers(api).registered();
        String promiseId = new Customers(api).promiseMade(customerId, "500.00", Customers.today().plusDays(3));
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/payments", """
                {"amount": "500.00", "currency": "CNY", "paidOn": "%s", "promiseId": "%s"}
                """.formatted(Customers.today(), promiseId)).status()).isEqualTo(201);
        JsonNode history = api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/history").json().path("events");
        String promiseMadeAt = history.get(1).path("recordedAt").asText();
        String scoreThen = api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/reliability?asOf="
                + URLEncoder.encode(promiseMadeAt, StandardCharsets.UTF_8)).json().path("reliability").path("score").asText();
        String scoreNow = api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/reliability")
                .json().path("reliability").path("score").asText();
        assertThat(new BigDecimal(scoreNow)).isNotEqualByComparingTo(new BigDecimal(scoreThen));

        browser = Browser.open(port).signIn(AUDITOR).go("/console/customers/" + customerId);
        assertThat(browser.has(By.id("promise-form"))).isFalse();
        assertThat(browser.has(By.id("payment-form"))).isFalse();
        browser.click(By.id("audit-link"));
        assertThat(new BigDecimal(browser.text(By.id("as-of-score")))).isEqualByComparingTo(scoreNow);
        assertThat(browser.find(By.id("history")).findElements(By.cssSelector("tbody tr"))).hasSize(history.size());

        browser.select(By.id("as-of"), browser.find(By.cssSelector("#as-of option:nth-child(3)")).getDomAttribute("value"))
                .submit(By.id("as-of-submit"));

        assertThat(new BigDecimal(browser.text(By.id("as-of-score")))).isEqualByComparingTo(scoreThen);
        assertThat(browser.find(By.id("as-of-explanation")).findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertThat(browser.text(By.id("chain"))).isEqualTo("Hash chain intact");
        assertThat(browser.text(By.id("bundle-signature"))).startsWith("Signed bundle: the Ed25519 signature verifies");
        assertThat(browser.text(By.id("bundle-footer"))).startsWith("The bundle vouches for " + history.size() + " events");
        browser.screenshot("auditor-as-of");
    }

    @Test
    void anAuditorsForgedCommandIsRefused() {
        String customerId = new Customers(api).registered();
        long before = events.of(customerId).size();
        browser = Browser.open(port).signIn(AUDITOR).go("/console/customers/" + customerId);
        assertThat(browser.has(By.id("promise-form"))).isFalse();

        // The form a collector would see, made up in the auditor's page with the session's own CSRF token.
        Object status = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const body = new URLSearchParams({
                    _csrf: document.querySelector('input[name=_csrf]').value, idempotencyKey: 'forged-1',
                    amount: '900.00', currency: 'CNY', dueDate: arguments[1], channel: 'PHONE'});
                fetch(arguments[0], {method: 'POST', body: body, redirect: 'manual'}).then(r => done(r.status), e => done(String(e)));
                """, "/console/customers/" + customerId + "/promises", Customers.today().plusDays(9).toString());

        assertThat(status).isEqualTo(403L);
        assertThat(events.of(customerId)).hasSize((int) before);
        browser.go("/console/customers/" + customerId);
        assertThat(browser.find(By.id("promises")).findElements(By.cssSelector("tbody tr"))).isEmpty();
        browser.screenshot("auditor-forged-post-refused");
    }

    @Test
    void anAdminWatchesARebuildReachTheEnd() {
        new Customers(api).registered();
        browser = Browser.open(port).signIn(ADMIN);
        browser.click(By.linkText("Administration"));
        browser.find(By.id("processors"));

        browser.submit(By.id("rebuild-submit"));

        browser.waitFor(driver -> browser.has(By.id("rebuild-state"))
                && browser.text(By.id("rebuild-state")).equals("done"));
        assertThat(browser.text(By.id("rebuild-percent"))).isEqualTo("100%");
        assertThat(browser.find(By.id("rebuild-bar")).getDomProperty("value")).isEqualTo("100");
        browser.screenshot("admin-rebuild-done");
    }

    @Test
    void chineseLabelsFollowTheBrowsersLanguageAndTheSwitchOverridesThem() {
        browser = Browser.open(port, "zh-CN,zh");
        browser.go("/");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("登录");
        assertThat(browser.text(By.cssSelector("label[for=password]"))).isEqualTo("密码");
        browser.signIn(COLLECTOR);
        assertThat(browser.text(By.cssSelector("h1 span"))).isEqualTo("今日");
        assertThat(browser.text(By.id("reminders-heading"))).isEqualTo("今日应提醒");
        browser.screenshot("collector-today-zh");

        browser.click(By.linkText("English"));
        browser.waitFor(driver -> browser.text(By.cssSelector("h1 span")).equals("Today"));
        browser.go("/console/worklist");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Worklist");
    }

    @Test
    void theWorklistFiltersByAgingBucketAndCountsEachBucket() {
        String late = new Customers(api).registered();
        LocalDate today = Customers.today();
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + late + "/promises", """
                {"promiseId": "P-late", "amount": "700.00", "currency": "CNY", "madeOn": "%s", "dueDate": "%s", "channel": "PHONE"}
                """.formatted(today.minusDays(50), today.minusDays(40))).status()).isEqualTo(201);
        String onTime = new Customers(api).registered();
        // The worklist reads the read model, which applies events a moment after they are stored.
        Await.until("the worklist shows the late customer in 31-60", Duration.ofSeconds(60),
                () -> inBucket("31-60").contains(late) && worklistIds().contains(onTime));
        long lateBefore = inBucket("31-60").size();

        browser = Browser.open(port).signIn(COLLECTOR).go("/console/worklist");
        long shown = Long.parseLong(browser.find(By.cssSelector("#aging-counts li[data-bucket='31-60'] .count")).getText());
        assertThat(shown).isEqualTo(lateBefore);
        assertThat(shown).isPositive();

        WebElement table = browser.find(By.id("worklist-table"));
        browser.waitFor(driver -> Boolean.TRUE.equals(browser.script("return typeof htmx !== 'undefined'")));
        browser.select(By.id("aging"), "31-60");
        // htmx swaps the table in place of the old one.
        browser.waitFor(ExpectedConditions.stalenessOf(table));
        String rows = browser.text(By.id("worklist"));
        assertThat(rows).contains(late).doesNotContain(onTime);
        assertThat(browser.url()).contains("aging=31-60");
        browser.screenshot("collector-worklist-31-60");

        // 360 px wide: nothing sticks out sideways but the tables' own scrolling.
        browser.width(360, 800).go("/console/customers/" + late);
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);
        browser.screenshot("collector-customer-360px");
    }

    /** The customers the API's worklist (the same query) puts in an aging bucket, page by page. */
    private List<String> inBucket(String bucket) {
        return worklist().stream().filter(row -> row.path("overdue").path("agingBucket").asText().equals(bucket))
                .map(row -> row.path("customerId").asText()).toList();
    }

    private List<String> worklistIds() {
        return worklist().stream().map(row -> row.path("customerId").asText()).toList();
    }

    private List<JsonNode> worklist() {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.as(COLLECTOR).get("/api/v1/customers?size=200&page=" + page).json();
            answer.path("items").forEach(rows::add);
            if ((long) (page + 1) * 200 >= answer.path("total").asLong()) {
                return rows;
            }
        }
    }

    private String stateOf(String promiseId) {
        // The state as recorded (the cell's text is its label in the page's language).
        return browser.find(By.cssSelector("#promises tr[data-promise='" + promiseId + "'] td.state")).getDomAttribute("data-state");
    }
}
