package com.promises.api.console;

import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpResponse;
import java.util.Map;

import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in as HTTP: a form with a CSRF token, a session cookie out of scripts' reach, sign-out, and an
 * API that a console session does not open (it stays Basic).
 */
@IntegrationTest
class ConsoleSignInTest {

    @Value("${local.server.port}")
    int port;

    ConsoleSession browser;

    @BeforeEach
    void newBrowser() {
        browser = ConsoleSession.anonymous(port);
    }

    @Test
    void aCollectorSignsInWithTheFormAndOutAgain() throws Exception {
        HttpResponse<String> signInPage = browser.get("/");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.body()).contains("id=\"sign-in-form\"");

        HttpResponse<String> signedIn = browser.post("/sign-in", Map.of("username", COLLECTOR.name,
                "password", COLLECTOR.password(), "_csrf", ConsoleSession.csrfOf(signInPage)));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/today"));
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        HttpResponse<String> today = browser.get("/console/today");
        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.body()).contains("id=\"signed-in-as\">collector<");

        // The session signs nobody in to the API.
        assertThat(browser.get("/api/v1/follow-ups").statusCode()).isEqualTo(401);

        HttpResponse<String> signedOut = browser.post("/sign-out", Map.of("_csrf", ConsoleSession.csrfOf(today)));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/?signedOut"));
        HttpResponse<String> afterwards = browser.get("/console/today");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
    }

    @Test
    void aSignInWithoutTheFormsTokenIsRefused() throws Exception {
        browser.get("/");

        HttpResponse<String> answer = browser.post("/sign-in", Map.of("username", COLLECTOR.name, "password", COLLECTOR.password()));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/today").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordReturnsToTheSignInPageSayingSo() throws Exception {
        HttpResponse<String> answer = browser.post("/sign-in", Map.of("username", COLLECTOR.name, "password", "not-it",
                "_csrf", ConsoleSession.csrfOf(browser.get("/"))));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/?error"));
        assertThat(browser.get("/?error").body()).contains("id=\"sign-in-error\"");
        assertThat(browser.get("/console/today").statusCode()).isEqualTo(302);
    }

    @Test
    void theSignInPageSwitchesLanguageBeforeAnyoneSignsIn() throws Exception {
        HttpResponse<String> page = browser.get("/?lang=zh-CN");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>登录</h1>");
        assertThat(browser.get("/").body()).as("the choice is kept in a cookie").contains("<h1>登录</h1>");
    }
}
