package com.promises.projections.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.core.audit.AuditSignature;
import com.promises.core.audit.CanonicalJson;
import com.promises.core.audit.ChainLink;
import com.promises.core.audit.EventChain;
import com.promises.core.audit.SigningKey;
import com.promises.core.scoring.PoliciesInForce;
import com.promises.core.scoring.Reliability;
import com.promises.core.scoring.ReliabilityPolicy;
import com.promises.core.scoring.ScoreCard;
import com.promises.projections.CustomerNotFoundException;
import com.promises.projections.history.EventHistory;
import com.promises.projections.history.StoredEvent;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A customer's history as evidence an auditor can check without the service: a header naming the customer, the
 * signing key and the policies in force over time; each stored event with its payload in canonical JSON, its stored
 * type and its stored chain hash; and a footer with the chain's head, the score and band the service gives now, and
 * the service's Ed25519 signature over those (see core's {@code AuditSignature}). The offline verifier recomputes each
 * hash and the score from these lines alone.
 */
@Service
public class CustomerBundle {

    public static final String FORMAT = "promises-audit-bundle/1";

    private final EventHistory history;
    private final Serializer serializer;
    private final PolicyTimeline policies;
    private final SigningKey key;
    private final ObjectMapper json;

    CustomerBundle(EventHistory history, @Qualifier("eventSerializer") Serializer serializer, PolicyTimeline policies,
                   SigningKey key, ObjectMapper json) {
        this.history = history;
        this.serializer = serializer;
        this.policies = policies;
        this.key = key;
        this.json = json;
    }

    /**
     * Writes the bundle, a line at a time. The events and the score come from one reading of the store, so the
     * footer's score is that of the lines above it.
     *
     * @throws CustomerNotFoundException before writing anything, for a customer the history has never heard of
     */
    public void write(String customerId, OutputStream out) throws IOException {
        if (history.lastSequence(customerId).isEmpty()) {
            throw new CustomerNotFoundException(customerId);
        }
        ReliabilityPolicy policy = policies.current();
        line(out, header(customerId, policies.policies()));
        Footer footer = new Footer(customerId, policy.start());
        try {
            history.forEachStored(customerId, stored -> {
                try {
                    line(out, event(stored));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                footer.add(stored, scored(stored));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        line(out, footer.line());
    }

    /**
     * What the bundle downloaded now would vouch for: its footer, and whether its signature verifies with the public key
     * the service serves (the check the offline verifier makes of the footer, through the same {@link AuditSignature}).
     */
    public Seal seal(String customerId) {
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        try {
            write(customerId, bundle);
            String[] lines = bundle.toString(StandardCharsets.UTF_8).split("\n");
            JsonNode footer = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(lines[lines.length - 1]);
            String head = footer.path("head").asText();
            BigDecimal score = footer.path("score").decimalValue();
            String band = footer.path("band").asText();
            String policyVersion = footer.path("policyVersion").asText();
            boolean verifies = AuditSignature.verifies(key.publicKey(),
                    AuditSignature.statement(customerId, head, policyVersion, score, band), footer.path("signature").asText());
            return new Seal(key.keyId(), AuditSignature.ALGORITHM, footer.path("events").asLong(), head, score, band,
                    policyVersion, verifies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundle's footer as the service signs it, and whether the signature verifies with the service's public key. */
    public record Seal(String keyId, String algorithm, long events, String head, BigDecimal score, String band,
                       String policyVersion, boolean signatureVerifies) {
    }

    private String header(String customerId, PoliciesInForce inForce) throws IOException {
        return write(generator -> {
            generator.writeStringField("format", FORMAT);
            generator.writeStringField("customerId", customerId);
            generator.writeStringField("keyId", key.keyId());
            generator.writeStringField("algorithm", AuditSignature.ALGORITHM);
            generator.writeStringField("publicKey", AuditSignature.publicKeyBase64(key.publicKey()));
            generator.writeArrayFieldStart("policies");
            for (PoliciesInForce.Period period : inForce.periods()) {
                generator.writeStartObject();
                generator.writeStringField("version", period.version());
                generator.writeStringField("from", period.from().toString());
                generator.writeEndObject();
            }
            generator.writeEndArray();
        });
    }

    /** As {@code /export} writes it, with the stored type, the stored hash, and the payload in canonical JSON. */
    private String event(StoredEvent stored) throws IOException {
        ChainLink link = stored.link();
        return write(generator -> {
            generator.writeNumberField("sequence", stored.sequence());
            generator.writeStringField("type", CustomerAudit.simpleName(stored.type()));
            generator.writeStringField("recordedAt", stored.recordedAt().toString());
            generator.writeStringField("actor", link.actor());
            generator.writeStringField("correlationId", link.correlationId());
            generator.writeFieldName("payload");
            try {
                generator.writeRawValue(CanonicalJson.of(link.payload()));
            } catch (IllegalArgumentException notJson) { // a damaged row: shown as it is; its hash cannot hold
                generator.writeString(link.payload());
            }
            generator.writeStringField("payloadType", stored.type());
            generator.writeStringField("hash", stored.hash());
        });
    }

    /** The stored payload as the scoring policy reads it; a payload that cannot be read scores nothing. */
    private Object scored(StoredEvent stored) {
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(stored.payload(), byte[].class, stored.type(), null));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The chain's head and the score, carried along the events. */
    private final class Footer {
        private final String customerId;
        private final EventChain.Walk walk;
        private ScoreCard card;
        private String storedHead;
        private long events;

        Footer(String customerId, ScoreCard card) {
            this.customerId = customerId;
            this.walk = EventChain.walk(customerId);
            this.card = card;
        }

        void add(StoredEvent stored, Object payload) {
            walk.next(stored.link(), stored.hash());
            storedHead = stored.hash();
            events++;
            if (payload != null) {
                card = card.apply(payload);
            }
        }

        /** Signs the stored head: the service vouches for what it holds, and a verifier finds where that breaks. */
        String line() throws IOException {
            String head = storedHead != null ? storedHead : walk.head();
            Reliability reliability = card.reliability();
            String signature = key.sign(AuditSignature.statement(customerId, head, reliability.policyVersion(),
                    reliability.score(), reliability.band().name()));
            return write(generator -> {
                generator.writeStringField("head", head);
                generator.writeStringField("signature", signature);
                generator.writeNumberField("score", reliability.score());
                generator.writeStringField("band", reliability.band().name());
                generator.writeStringField("policyVersion", reliability.policyVersion());
                generator.writeNumberField("events", events);
            });
        }
    }

    private String write(Fields fields) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = json.getFactory().createGenerator(text)) {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        }
        return text.toString();
    }

    private static void line(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }
}
