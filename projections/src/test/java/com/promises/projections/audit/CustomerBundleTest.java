package com.promises.projections.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.core.audit.AuditSignature;
import com.promises.core.audit.CanonicalJson;
import com.promises.core.audit.SigningKey;
import com.promises.projections.CustomerNotFoundException;
import com.promises.projections.history.CachingJacksonSerializer;
import com.promises.projections.history.StoredEvent;
import com.promises.projections.summary.ScoringPolicies;
import com.promises.projections.testing.EventFeed;
import com.promises.projections.testing.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.promises.projections.audit.AuditedCustomers.keptThenBroken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A customer's bundle is evidence an auditor checks without the service: a header naming the key and the policies,
 * each stored event with its canonical payload and stored hash, and a footer signing the chain's head and the score.
 */
class CustomerBundleTest {

    /** Reads the score as the verifier does, as a decimal, never a double. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final SigningKey key = SigningKey.generate();
    /** A database of this run's own: PIT runs the class again in one JVM, and a static one would keep the last run's rows. */
    private static EventFeed feed;
    private static PolicyTimeline policies;
    private static CustomerBundle bundle;

    @BeforeAll
    static void open() {
        feed = new EventFeed(ReadModelDatabase.fresh());
        policies = new PolicyTimeline(feed.history(), ScoringPolicies.v1(), feed.transactions());
        bundle = new CustomerBundle(feed.history(), CachingJacksonSerializer.forHistory(), policies, key, JSON);
        policies.recordStart("host-a/1", "start-1");
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void theHeaderNamesTheCustomerTheKeyAndEachPolicyWithWhenItTookEffect() throws IOException {
        keptThenBroken(feed, "bundle-header");

        JsonNode header = lines("bundle-header").get(0);

        assertThat(header.get("format").asText()).isEqualTo("promises-audit-bundle/1");
        assertThat(header.get("customerId").asText()).isEqualTo("bundle-header");
        assertThat(header.get("keyId").asText()).isEqualTo(key.keyId()).hasSize(16);
        assertThat(header.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(AuditSignature.publicKey(header.get("publicKey").asText())).isEqualTo(key.publicKey());
        assertThat(header.get("policies")).hasSize(1);
        assertThat(header.get("policies").get(0).get("version").asText()).isEqualTo("v1");
        assertThat(header.get("policies").get(0).get("from").asText())
                .isEqualTo(policies.policies().periods().get(0).from().toString());
    }

    @Test
    void eachStoredEventIsALineWithItsCanonicalPayloadAndStoredHash() throws IOException {
        keptThenBroken(feed, "bundle-events");
        List<StoredEvent> stored = stored("bundle-events");

        List<JsonNode> lines = lines("bundle-events");

        assertThat(lines).hasSize(1 + 6 + 1);
        for (int i = 0; i < stored.size(); i++) {
            JsonNode line = lines.get(1 + i);
            StoredEvent event = stored.get(i);
            assertThat(line.get("sequence").asLong()).isEqualTo(i);
            assertThat(line.get("type").asText()).isEqualTo(event.type().substring(event.type().lastIndexOf('.') + 1));
            assertThat(line.get("payloadType").asText()).isEqualTo(event.type()).startsWith("com.promises.core.");
            assertThat(line.get("recordedAt").asText()).isEqualTo(event.recordedAt().toString());
            assertThat(line.get("actor").asText()).isEqualTo("collector");
            assertThat(line.get("correlationId").asText()).isEqualTo("feed-1");
            assertThat(line.get("hash").asText()).isEqualTo(event.hash()).matches("[0-9a-f]{64}");
            assertThat(JSON.writeValueAsString(line.get("payload"))).isEqualTo(CanonicalJson.of(event.payloadText()));
        }
        assertThat(lines.get(6).get("type").asText()).isEqualTo("PromiseBroken");
        assertThat(lines.get(6).get("recordedAt").asText()).isEqualTo("2026-05-24T09:00:00Z");
    }

    @Test
    void theFooterSignsTheStoredHeadAndTheScoreOfTheLinesAboveIt() throws IOException {
        keptThenBroken(feed, "bundle-footer");
        List<StoredEvent> stored = stored("bundle-footer");

        List<JsonNode> lines = lines("bundle-footer");
        JsonNode footer = lines.get(lines.size() - 1);

        assertThat(footer.get("head").asText()).isEqualTo(stored.get(5).hash());
        assertThat(footer.get("score").decimalValue()).isEqualByComparingTo("48.7");
        assertThat(footer.get("band").asText()).isEqualTo("D");
        assertThat(footer.get("policyVersion").asText()).isEqualTo("v1");
        assertThat(footer.get("events").asLong()).isEqualTo(6);
        assertThat(signed(footer, "bundle-footer")).isTrue();
        // the same signature over another score does not verify
        assertThat(AuditSignature.verifies(key.publicKey(), AuditSignature.statement("bundle-footer",
                footer.get("head").asText(), "v1", new BigDecimal("48.8"), "D"), footer.get("signature").asText())).isFalse();
    }

    @Test
    void theSealIsTheFooterOfTheBundleDownloadedNowAndSaysItsSignatureVerifies() throws IOException {
        keptThenBroken(feed, "bundle-seal");
        List<JsonNode> lines = lines("bundle-seal");
        JsonNode footer = lines.get(lines.size() - 1);

        CustomerBundle.Seal seal = bundle.seal("bundle-seal");

        assertThat(seal.keyId()).isEqualTo(key.keyId());
        assertThat(seal.algorithm()).isEqualTo("Ed25519");
        assertThat(seal.events()).isEqualTo(6);
        assertThat(seal.head()).isEqualTo(stored("bundle-seal").get(5).hash()).isEqualTo(footer.get("head").asText());
        assertThat(seal.score()).isEqualByComparingTo("48.7");
        assertThat(seal.band()).isEqualTo("D");
        assertThat(seal.policyVersion()).isEqualTo("v1");
        assertThat(seal.signatureVerifies()).isTrue();
    }

    @Test
    void aSealSignedWithAnotherKeyDoesNotVerifyWithTheKeyTheServiceServes() {
        keptThenBroken(feed, "bundle-other-key");
        // a private key that is not the pair of the public key served: a misconfigured instance
        SigningKey mismatched = new SigningKey(key.privateKey(), SigningKey.generate().publicKey());
        CustomerBundle signedElsewhere = new CustomerBundle(feed.history(), CachingJacksonSerializer.forHistory(), policies,
                mismatched, JSON);

        assertThat(signedElsewhere.seal("bundle-other-key").signatureVerifies()).isFalse();
    }

    @Test
    void aStreamWithoutStoredLinksIsSignedAtTheHeadItsEventsGive() throws IOException {
        keptThenBroken(feed, "bundle-unlinked");
        String linkedHead = lines("bundle-unlinked").get(7).get("head").asText();
        // as an older instance of the service left its events: no link stored for them
        feed.jdbc().update("delete from event_chain where stream_id = ?", "bundle-unlinked");

        List<JsonNode> lines = lines("bundle-unlinked");

        assertThat(lines.get(1).get("hash").isNull()).isTrue();
        assertThat(lines.get(7).get("head").asText()).isEqualTo(linkedHead);
        assertThat(signed(lines.get(7), "bundle-unlinked")).isTrue();
    }

    @Test
    void aDamagedPayloadIsShownAsStoredAndScoresNothing() throws IOException {
        keptThenBroken(feed, "bundle-damaged");
        feed.jdbc().update("update domainevententry set payload = convert_to('{broken', 'UTF8') "
                + "where aggregateidentifier = ? and sequencenumber = 5", "bundle-damaged");

        List<JsonNode> lines = lines("bundle-damaged");

        assertThat(lines.get(6).get("payload").asText()).isEqualTo("{broken");
        JsonNode footer = lines.get(7);
        assertThat(footer.get("events").asLong()).isEqualTo(6);
        // the break cannot be read, so the kept promise alone scores: (2 + 1) / (4 + 1) = 60.0
        assertThat(footer.get("score").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(footer.get("band").asText()).isEqualTo("C");
        assertThat(signed(footer, "bundle-damaged")).isTrue();
    }

    @Test
    void aCustomerTheHistoryNeverHeardOfGetsNoBundleAtAll() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> bundle.write("bundle-nobody", out)).isInstanceOf(CustomerNotFoundException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void aWriteThatFailsEndsTheBundleWithThatFailure() {
        keptThenBroken(feed, "bundle-closed");
        OutputStream closedAfterTheHeader = new OutputStream() {
            private int newlines;

            @Override
            public void write(int b) throws IOException {
                if (newlines > 0) {
                    throw new IOException("connection closed");
                }
                if (b == '\n') {
                    newlines++;
                }
            }
        };

        assertThatThrownBy(() -> bundle.write("bundle-closed", closedAfterTheHeader))
                .isExactlyInstanceOf(IOException.class).hasMessage("connection closed");
    }

    private static boolean signed(JsonNode footer, String customerId) {
        return AuditSignature.verifies(key.publicKey(), AuditSignature.statement(customerId, footer.get("head").asText(),
                footer.get("policyVersion").asText(), footer.get("score").decimalValue(), footer.get("band").asText()),
                footer.get("signature").asText());
    }

    private static List<JsonNode> lines(String customerId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bundle.write(customerId, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<StoredEvent> stored(String customerId) {
        List<StoredEvent> stored = new ArrayList<>();
        feed.history().forEachStored(customerId, stored::add);
        return stored;
    }
}
