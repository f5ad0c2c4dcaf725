package com.promises.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console as a browser uses it: the sign-in page (its CSRF token and the session it starts), the form post
 * that signs in (a new session cookie), then pages with that cookie. No Basic credentials: the console's own chain.
 */
final class Console {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final PlainHttpClient http;
    private final String cookie;

    private Console(PlainHttpClient http, String cookie) {
        this.http = http;
        this.cookie = cookie;
    }

    static Console signIn(PlainHttpClient http, String user, String password) {
        PlainHttpClient.Answer page = http.send("GET", "/", "Accept: text/html\r\n", null);
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("no sign-in form at /: " + page.statusCode());
        }
        String form = "username=" + encoded(user) + "&password=" + encoded(password) + "&_csrf=" + encoded(csrf.group(1));
        PlainHttpClient.Answer signedIn = http.send("POST", "/sign-in", "Cookie: JSESSIONID=" + session(page)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n", form);
        String location = signedIn.header("Location");
        if (signedIn.statusCode() != 302 || location == null || !location.endsWith("/console/today")) {
            throw new IllegalStateException("console sign-in failed: " + signedIn.statusCode() + " to " + location);
        }
        return new Console(http, session(signedIn));
    }

    /** One page, whole, as the signed-in user; anything but 200 stops the run (a timed error page would flatter). */
    PlainHttpClient.Answer get(String path) {
        PlainHttpClient.Answer answer = http.send("GET", path, "Cookie: JSESSIONID=" + cookie + "\r\nAccept: text/html\r\n", null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("console page " + path + " answered " + answer.statusCode());
        }
        return answer;
    }

    private static String session(PlainHttpClient.Answer answer) {
        for (String header : answer.headers()) {
            if (header.regionMatches(true, 0, "Set-Cookie:", 0, "Set-Cookie:".length())) {
                Matcher session = SESSION.matcher(header);
                if (session.find()) {
                    return session.group(1);
                }
            }
        }
        throw new IllegalStateException("no session cookie in the answer (" + answer.statusCode() + ")");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
