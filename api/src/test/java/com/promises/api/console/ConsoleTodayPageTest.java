package com.promises.api.console;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        Customers customers = new Customers(new Api(port));
        String customerId = customers.registered();
        LocalDate tomorrow = Customers.today().plusDays(1);
        for (int i = 0; i < 101; i++) {
            customers.promiseMade(customerId, "10.00", tomorrow);
        }

        HttpResponse<String> page = ConsoleSession.signedIn(port, COLLECTOR).get("/console/today?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        String reminders = page.body().substring(page.body().indexOf("<table id=\"reminders\">"),
                page.body().indexOf("</table>", page.body().indexOf("<table id=\"reminders\">")));
        assertThat(reminders.split("<tr>", -1).length - 2).as("rows under the header").isEqualTo(100);
        Matcher more = MORE.matcher(page.body());
        assertThat(more.find()).as("the count of every reminder due").isTrue();
        assertThat(Integer.parseInt(more.group(1).replace(",", ""))).isGreaterThanOrEqualTo(101);
    }
}
