package com.promises.api.console;

import com.promises.testing.Api;

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

import static org.assertj.core.api.Assertions.assertThat;

/** A browser as plain HTTP: a cookie jar, redirects not followed, forms posted with the page's CSRF token. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    private ConsoleSession(int port) {
        this.port = port;
    }

    /** Nobody signed in yet. */
    static ConsoleSession anonymous(int port) {
        return new ConsoleSession(port);
    }

    static ConsoleSession signedIn(int port, Api.User user) throws IOException, InterruptedException {
        ConsoleSession session = anonymous(port);
        HttpResponse<String> signedIn = session.post("/sign-in", Map.of("username", user.name,
                "password", user.password(), "_csrf", csrfOf(session.get("/"))));
        assertThat(signedIn.headers().firstValue("Location")).as("signed in as %s", user.name)
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/today"));
        return session;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String csrfOf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }
}
