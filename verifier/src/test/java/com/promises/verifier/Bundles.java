package com.promises.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.promises.core.account.CustomerRegistered;
import com.promises.core.audit.AuditSignature;
import com.promises.core.audit.CanonicalJson;
import com.promises.core.audit.ChainLink;
import com.promises.core.audit.EventChain;
import com.promises.core.audit.SigningKey;
import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.Reason;
import com.promises.core.promise.ValuedBy;
import com.promises.core.scoring.Reliability;
import com.promises.core.scoring.ReliabilityPolicies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Bundles as the service writes them, built here by core's own rules (the service's are checked against a real
 * export in api's tests): a header, a line per event with its chained hash, and a signed footer.
 */
final class Bundles {

    static final String CUSTOMER = "hotel-zhonghua";
    /** The service's key: what GET /audit/public-key publishes. */
    static final SigningKey SERVICE_KEY = SigningKey.generate();
    private static final Instant AT = Instant.parse("2026-07-01T09:00:00.120Z");
    private static final LocalDate DUE = LocalDate.of(2026, 7, 15);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private Bundles() {
    }

    /** Registered, a promise of 1200.00, 400.00 paid, then broken for cash flow: 100 x 2 / 5 = 40.0 (D) under v1. */
    static List<String> good() {
        Money promised = Money.of("1200.00", "CNY");
        List<Object> events = List.of(
                new CustomerRegistered(CUSTOMER, "Hotel Zhonghua", "CNY", AT),
                new PromiseMade(CUSTOMER, "P-1", promised, DUE.minusDays(14), DUE, 3, DUE.plusDays(3), Channel.PHONE,
                        false, null, "by the 15th", null, null, 1, Money.zero("CNY"), List.of(), AT.plusSeconds(60)),
                new PaymentRecorded(CUSTOMER, "PAY-1", Money.of("400.00", "CNY"), DUE.minusDays(1), null,
                        List.of(new Allocation("P-1", Money.of("400.00", "CNY"))), Money.zero("CNY"), Money.zero("CNY"),
                        AT.plusSeconds(120)),
                new PromiseBroken(CUSTOMER, "P-1", promised, Money.of("400.00", "CNY"), DUE, DUE.plusDays(3),
                        Reason.CASH_FLOW, Faith.GOOD, null, ValuedBy.COLLECTOR, AT.plusSeconds(180)));
        List<String> lines = new ArrayList<>();
        lines.add(header(SERVICE_KEY));
        for (int i = 0; i < events.size(); i++) {
            ObjectNode line = JSON.createObjectNode();
            line.put("sequence", i);
            line.put("type", events.get(i).getClass().getSimpleName());
            line.put("recordedAt", AT.plusSeconds(60L * i).toString());
            line.put("actor", i == 3 ? "system" : "collector");
            line.put("correlationId", "c-" + i);
            line.set("payload", tree(CanonicalJson.of(text(JSON.valueToTree(events.get(i))))));
            line.put("payloadType", events.get(i).getClass().getName());
            lines.add(text(line));
        }
        Reliability reliability = ReliabilityPolicies.byVersion("v1").scoreOf(events);
        lines.add(footerAfter(lines, SERVICE_KEY, reliability.score().toPlainString(), reliability.band().name()));
        return reseal(lines, SERVICE_KEY);
    }

    /**
     * The lines with every hash recomputed in order, the header naming this key and the footer signed by it: what
     * someone holding that key would make after changing events.
     */
    static List<String> reseal(List<String> lines, SigningKey key) {
        List<String> sealed = new ArrayList<>();
        sealed.add(header(key));
        String head = EventChain.genesis(CUSTOMER);
        for (String text : lines.subList(1, lines.size() - 1)) {
            ObjectNode line = (ObjectNode) tree(text);
            head = EventChain.next(head, link(line));
            line.put("hash", head);
            sealed.add(text(line));
        }
        ObjectNode footer = (ObjectNode) tree(lines.get(lines.size() - 1));
        sealed.add(footerAfter(sealed, key, footer.path("score").decimalValue().toPlainString(), footer.path("band").asText()));
        return sealed;
    }

    /** A footer for the event lines so far, with this score, signed by this key. */
    static String footerAfter(List<String> lines, SigningKey key, String score, String band) {
        String head = lines.size() < 2 ? "" : tree(lines.get(lines.size() - 1)).path("hash").asText();
        ObjectNode footer = JSON.createObjectNode();
        footer.put("head", head);
        footer.put("signature", key.sign(AuditSignature.statement(CUSTOMER, head, "v1", new java.math.BigDecimal(score), band)));
        footer.put("score", new java.math.BigDecimal(score));
        footer.put("band", band);
        footer.put("policyVersion", "v1");
        footer.put("events", lines.size() - 1);
        return text(footer);
    }

    static String header(SigningKey key) {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", BundleCheck.FORMAT);
        header.put("customerId", CUSTOMER);
        header.put("keyId", key.keyId());
        header.put("algorithm", "Ed25519");
        header.put("publicKey", AuditSignature.publicKeyBase64(key.publicKey()));
        header.putArray("policies").addObject().put("version", "v1").put("from", "2026-01-01T00:00:00Z");
        return text(header);
    }

    /** The line with one field of its payload changed. */
    static String withPayload(String line, String field, String value) {
        ObjectNode node = (ObjectNode) tree(line);
        ((ObjectNode) node.get("payload")).put(field, value);
        return text(node);
    }

    private static ChainLink link(JsonNode line) {
        return new ChainLink(line.path("sequence").asLong(), line.path("payloadType").asText(),
                Instant.parse(line.path("recordedAt").asText()), line.path("actor").asText(null),
                line.path("correlationId").asText(null), text(line.get("payload")));
    }

    static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
