package com.promises.api.console;

import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import com.promises.verifier.Verify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's checks over HTTP: the signed bundle the console hands out, and what the page says of it. */
@IntegrationTest
class ConsoleAuditPageTest {

    private static final Pattern SIGNATURE = Pattern.compile("<li id=\"bundle-signature\"([^>]*)>([^<]*)<");
    private static final Pattern FOOTER = Pattern.compile("id=\"bundle-footer\">([^<]*)<");

    @Value("${local.server.port}")
    int port;

    @Test
    void theAuditPageSaysTheSignedBundleVerifiesWithTheServedKeyAndTheBundleItGivesVerifiesOffline(@TempDir Path dir)
            throws Exception {
        Api api = new Api(port);
        String customerId = new Customers(api).registered();
        String promiseId = new Customers(api).promiseMade(customerId, "500.00", Customers.today().plusDays(3));
        assertThat(api.as(COLLECTOR).post("/api/v1/customers/" + customerId + "/payments", """
                {"amount": "500.00", "currency": "CNY", "paidOn": "%s", "promiseId": "%s"}
                """.formatted(Customers.today(), promiseId)).status()).isEqualTo(201);
        String keyId = api.as(AUDITOR).get("/api/v1/audit/public-key").json().path("keyId").asText();
        BigDecimal score = api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/reliability")
                .json().path("reliability").path("score").decimalValue();
        int events = api.as(AUDITOR).get("/api/v1/customers/" + customerId + "/history").json().path("events").size();
        ConsoleSession auditor = ConsoleSession.signedIn(port, AUDITOR);

        HttpResponse<String> checks = auditor.get("/console/customers/" + customerId + "/audit/verify");

        assertThat(checks.statusCode()).isEqualTo(200);
        Matcher signature = SIGNATURE.matcher(checks.body());
        assertThat(signature.find()).isTrue();
        assertThat(signature.group(1)).contains("class=\"ok\"");
        assertThat(signature.group(2)).isEqualTo("Signed bundle: the Ed25519 signature verifies with the service&#39;s key "
                + keyId);
        Matcher footer = FOOTER.matcher(checks.body());
        assertThat(footer.find()).isTrue();
        assertThat(footer.group(1)).startsWith("The bundle vouches for " + events + " events and a score of "
                + score.stripTrailingZeros().toPlainString());

        HttpResponse<String> bundle = auditor.get("/console/customers/" + customerId + "/bundle");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("attachment").contains(customerId + ".bundle.ndjson"));
        Path file = dir.resolve("bundle.ndjson");
        Files.writeString(file, bundle.body());
        Path key = dir.resolve("key.json");
        Files.writeString(key, api.as(AUDITOR).get("/api/v1/audit/public-key").body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int verdict = Verify.run(new String[]{file.toString(), "--public-key", key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(verdict).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }
}
