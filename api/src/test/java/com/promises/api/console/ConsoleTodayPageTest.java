package com.promises.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.testing.Api;
import com.promises.testing.Await;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The start page over HTTP: a long list shows its first rows and says how many there are. */
@IntegrationTest
class ConsoleTodayPageTest {

    private static final Pattern MORE = Pattern.compile("id=\"reminders-more\">The first 100 of ([0-9,]+) shown");

    @Value("${local.server.port}")
    int port;

    @Test
    void moreRemindersThanAPageShowsAreCountedNotAllDrawn() throws Exception {
        Api api = new Api(port);
        Customers customers = new Customers(api);
        String customerId = customers.registered();
        LocalDate tomorrow = Customers.today().plusDays(1);
        for (int i = 0; i < 101; i++) {
            customers.promiseMade(customerId, "10.00", tomorrow);
        }
        // the schedule is a read model: its reminders come a moment after the commands
        Await.until("101 reminders due for " + customerId, () -> remindersDue(api, customerId) == 101);

        HttpResponse<String> page = ConsoleSession.signedIn(port, COLLECTOR).get("/console/today?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        String reminders = page.body().substring(page.body().indexOf("<table id=\"reminders\">"),
                page.body().indexOf("</table>", page.body().indexOf("<table id=\"reminders\">")));
        assertThat(reminders.split("<tr>", -1).length - 2).as("rows under the header").isEqualTo(100);
        Matcher more = MORE.matcher(page.body());
        assertThat(more.find()).as("the count of every reminder due").isTrue();
        assertThat(Integer.parseInt(more.group(1).replace(",", ""))).isGreaterThanOrEqualTo(101);
    }

    private static long remindersDue(Api api, String customerId) {
        JsonNode due = api.as(COLLECTOR).get("/api/v1/reminders/due?on=" + Customers.today()).json();
        return StreamSupport.stream(due.spliterator(), false).filter(r -> customerId.equals(r.path("customerId").asText())).count();
    }
}
