package com.promises.api.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.testing.Api;
import com.promises.testing.Customers;
import com.promises.testing.IntegrationTest;
import com.promises.verifier.Verify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static com.promises.testing.Api.User.ADMIN;
import static com.promises.testing.Api.User.AUDITOR;
import static com.promises.testing.Api.User.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's evidence end to end: a bundle the running service exports holds under the offline verifier, with the
 * published key; a payload edited in the database is named by verify and by the verifier.
 */
@IntegrationTest
class AuditBundleTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path directory;

    Api api;
    String customerId;

    @BeforeEach
    void aCustomerWithAPromisePartlyPaidAndAnotherRefused() {
        api = new Api(port);
        Customers customers = new Customers(api);
        customerId = customers.registered();
        LocalDate today = Customers.today();
        customers.promiseMade(customerId, "1200.00", today.plusDays(10));
        String refused = customers.promiseMade(customerId, "250.50", today.plusDays(20));
        assertThat(api.as(COLLECTOR).post(path("/payments"),
                "{\"amount\": \"400.25\", \"currency\": \"CNY\", \"paidOn\": \"" + today + "\"}").status()).isEqualTo(201);
        assertThat(api.as(COLLECTOR).post(path("/promises/" + refused + "/broken"),
                "{\"reason\": \"REFUSES\", \"note\": \"said \\\"never\\\" — 决不\"}").status()).isEqualTo(201);
    }

    @Test
    void anExportedBundleHoldsOfflineWithThePublishedKey() throws IOException {
        var key = api.as(AUDITOR).get("/api/v1/audit/public-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.json().path("algorithm").asText()).isEqualTo("Ed25519");
        Path published = Files.writeString(directory.resolve("public-key.json"), key.body());

        var export = api.as(AUDITOR).get(path("/export?format=bundle"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(7); // header, five events, footer
        JsonNode header = new ObjectMapper().readTree(lines[0]);
        assertThat(header.path("customerId").asText()).isEqualTo(customerId);
        assertThat(header.path("keyId").asText()).isEqualTo(key.json().path("keyId").asText());
        assertThat(header.path("policies").findValuesAsText("version")).contains("v1");
        JsonNode footer = new ObjectMapper().readTree(lines[6]);
        var reliability = api.as(AUDITOR).get(path("/reliability")).json().path("reliability");
        assertThat(footer.path("score").decimalValue()).isEqualByComparingTo(reliability.path("score").decimalValue());
        assertThat(footer.path("band").asText()).isEqualTo(reliability.path("band").asText());
        assertThat(footer.path("head").asText()).isEqualTo(new ObjectMapper().readTree(lines[5]).path("hash").asText());

        Run run = verify(export.body(), "--public-key", published.toString());

        assertThat(run.exit).as(run.out + run.err).isZero();
        assertThat(run.out).contains("Chain:     intact, 5 events")
                .contains("given with --public-key")
                .contains("Score:     " + reliability.path("score").decimalValue().toPlainString() + " (" + reliability.path("band").asText()
                        + ") under policy v1, re-derived from the events, as the bundle states");
    }

    @Test
    void aPayloadEditedWithSqlIsNamedByVerifyAndByTheVerifier() throws IOException {
        var before = api.as(AUDITOR).get(path("/audit/verify")).json();
        assertThat(before.path("chainIntact").asBoolean()).isTrue();
        assertThat(before.has("firstBadSequence")).isFalse();

        int edited = jdbc.update("""
                update domainevententry set payload = convert_to(replace(convert_from(payload, 'UTF8'),
                    '"amount":"400.25"', '"amount":"4000.25"'), 'UTF8')
                where aggregateidentifier = ? and sequencenumber = 3""", customerId);
        assertThat(edited).isEqualTo(1);

        var after = api.as(AUDITOR).get(path("/audit/verify")).json();
        assertThat(after.path("chainIntact").asBoolean()).isFalse();
        assertThat(after.path("firstBadSequence").asLong()).isEqualTo(3);

        Run run = verify(api.as(AUDITOR).get(path("/export?format=bundle")).body());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("FAILED line 5: hash: sequence 3 (PaymentRecorded)");
    }

    @Test
    void everyReaderMayReadThePublicKeyAndABundleOfNobodyIsNotFound() {
        for (Api.User reader : new Api.User[]{AUDITOR, COLLECTOR, ADMIN}) {
            assertThat(api.as(reader).get("/api/v1/audit/public-key").status()).as(reader.name).isEqualTo(200);
        }
        assertThat(api.anonymous().get("/api/v1/audit/public-key").status()).isEqualTo(401);
        var nobody = api.as(AUDITOR).get("/api/v1/customers/nobody-here/export?format=bundle");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.code()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(api.as(AUDITOR).get(path("/export?format=zip")).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("""
                select count(*) from domainevententry e where not exists (select 1 from event_chain c
                    where c.stream_id = e.aggregateidentifier and c.sequence_number = e.sequencenumber)""", Long.class))
                .as("events without their link").isZero();
    }

    private Run verify(String bundle, String... options) throws IOException {
        Path file = Files.writeString(directory.resolve("bundle.ndjson"), bundle);
        String[] args = new String[options.length + 1];
        args[0] = file.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Verify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
    }

    private String path(String suffix) {
        return "/api/v1/customers/" + customerId + suffix;
    }
}
