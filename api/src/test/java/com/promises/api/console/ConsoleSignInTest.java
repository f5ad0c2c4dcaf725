package com.promises.api.console;

import com.promises.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in as HTTP: a form with a CSRF token, a session cookie out of scripts' reach, sign-out, and an
 * API that a console session does not open (it stays Basic).
 */
@IntegrationTest
class ConsoleSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void aCollectorSignsInWithTheFormAndOutAgain() throws Exception {
        HttpResponse<String> signInPage = get("/");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.body()).contains("id=\"sign-in-form\"");

        HttpResponse<String> signedIn = post("/sign-in", Map.of("username", COLLECTOR.name,
                "password", COLLECTOR.password(), "_csrf", csrfOf(signInPage)));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/today"));
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        HttpResponse<String> today = get("/console/today");
        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.body()).contains("id=\"signed-in-as\">collector<");

        // The session signs nobody in to the API.
        assertThat(get("/api/v1/follow-ups").statusCode()).isEqualTo(401);

        HttpResponse<String> signedOut = post("/sign-out", Map.of("_csrf", csrfOf(today)));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/?signedOut"));
        HttpResponse<String> afterwards = get("/console/today");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
    }

    @Test
    void aSignInWithoutTheFormsTokenIsRefused() throws Exception {
        get("/");

        HttpResponse<String> answer = post("/sign-in", Map.of("username", COLLECTOR.name, "password", COLLECTOR.password()));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(get("/console/today").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordReturnsToTheSignInPageSayingSo() throws Exception {
        HttpResponse<String> answer = post("/sign-in", Map.of("username", COLLECTOR.name, "password", "not-it",
                "_csrf", csrfOf(get("/"))));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/?error"));
        assertThat(get("/?error").body()).contains("id=\"sign-in-error\"");
        assertThat(get("/console/today").statusCode()).isEqualTo(302);
    }

    @Test
    void theSignInPageSwitchesLanguageBeforeAnyoneSignsIn() throws Exception {
        HttpResponse<String> page = get("/?lang=zh-CN");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>登录</h1>");
        assertThat(get("/").body()).as("the choice is kept in a cookie").contains("<h1>登录</h1>");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfOf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }
}
