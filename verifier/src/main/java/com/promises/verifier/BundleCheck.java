package com.promises.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.promises.core.audit.AuditSignature;
import com.promises.core.audit.ChainLink;
import com.promises.core.audit.EventChain;
import com.promises.core.scoring.Reliability;
import com.promises.core.scoring.ReliabilityPolicies;
import com.promises.core.scoring.ReliabilityPolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one bundle line by line, as the service wrote it (projections' {@code CustomerBundle}): the header's key,
 * each event's place and hash in the customer's chain (core's {@link EventChain}), and at the footer the head, the
 * signature over it (core's {@link AuditSignature}) and the score re-derived by replaying the payloads through the
 * footer's policy (core's {@link ReliabilityPolicies}). Stops at the first line that does not hold.
 */
final class BundleCheck {

    static final String FORMAT = "promises-audit-bundle/1";

    private final Payloads payloads = new Payloads();
    private final PrintStream out;
    /** The key given with --public-key, or null to use the header's. */
    private final PublicKey givenKey;

    BundleCheck(PrintStream out, PublicKey givenKey) {
        this.out = out;
        this.givenKey = givenKey;
    }

    /**
     * @return the first line that does not hold, or null when the bundle holds throughout
     * @throws Unreadable when the input is not a bundle at all (no header line)
     */
    Failure check(BufferedReader lines) throws IOException, Unreadable {
        Header header = header(lines.readLine());
        out.println("Bundle of customer " + header.customerId + ", signed by key " + header.keyId);
        Failure keyFailure = header.keyFailure(givenKey);
        if (keyFailure != null) {
            return keyFailure;
        }
        EventChain.Walk walk = EventChain.walk(header.customerId);
        List<Object> events = new ArrayList<>();
        Set<String> unknownTypes = new TreeSet<>();
        int number = 1;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            number++;
            JsonNode line;
            try {
                line = payloads.line(text);
            } catch (IOException damaged) {
                return new Failure(number, Failure.Check.HASH, "not a complete line of JSON: the bundle is cut short or damaged");
            }
            if (line.has("signature")) {
                Failure footer = footer(number, line, header, walk, events, unknownTypes);
                if (footer == null && lines.readLine() != null) {
                    return new Failure(number + 1, Failure.Check.HASH, "lines after the footer");
                }
                return footer;
            }
            Failure event = event(number, line, walk, events, unknownTypes);
            if (event != null) {
                return event;
            }
        }
        return new Failure(number + 1, Failure.Check.HASH, "the bundle ends after line " + number
                + " without its footer: it is cut short");
    }

    private Header header(String text) throws Unreadable {
        JsonNode line;
        try {
            line = text == null ? null : payloads.line(text);
        } catch (IOException e) {
            line = null;
        }
        if (line == null || !FORMAT.equals(line.path("format").asText()) || !line.path("customerId").isTextual()) {
            throw new Unreadable("its first line is not the header of a Promises audit bundle (" + FORMAT + ")");
        }
        return new Header(line.path("customerId").asText(), line.path("keyId").asText(), line.path("publicKey").asText());
    }

    /** Checks one event's place and hash, and reads its payload for the score. */
    private Failure event(int number, JsonNode line, EventChain.Walk walk, List<Object> events, Set<String> unknownTypes)
            throws IOException {
        String payloadType = line.path("payloadType").asText(null);
        String type = line.path("type").asText(null);
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(line.path("recordedAt").asText());
        } catch (DateTimeParseException e) {
            return new Failure(number, Failure.Check.HASH, "recordedAt is not an instant");
        }
        if (!line.path("sequence").canConvertToLong() || payloadType == null || !line.has("payload")) {
            return new Failure(number, Failure.Check.HASH, "not an event line: sequence, payloadType or payload is missing");
        }
        long sequence = line.path("sequence").asLong();
        if (type == null || !payloadType.endsWith("." + type) && !payloadType.equals(type)) {
            return new Failure(number, Failure.Check.HASH, "its type " + type + " is not that of its payload, " + payloadType);
        }
        ChainLink link = new ChainLink(sequence, payloadType, recordedAt, textOrNull(line, "actor"),
                textOrNull(line, "correlationId"), payloads.text(line.get("payload")));
        long expected = walk.nextSequence();
        EventChain.Step step = walk.next(link, line.path("hash").asText(null));
        switch (step) {
            case OUT_OF_SEQUENCE -> {
                return new Failure(number, Failure.Check.HASH, "sequence " + sequence + " where " + expected
                        + " was expected: lines are missing or out of order");
            }
            case HASH_DIFFERS -> {
                return new Failure(number, Failure.Check.HASH, "sequence " + sequence + " (" + type + "): the hash is not the "
                        + "one the chain gives this event after the line before: the event was changed, or lines were moved");
            }
            case PAYLOAD_NOT_JSON -> {
                return new Failure(number, Failure.Check.HASH, "sequence " + sequence + ": the payload is not JSON");
            }
            default -> {
            }
        }
        Object event;
        try {
            event = payloads.event(line.get("payload"), payloadType);
        } catch (IOException unreadable) {
            return new Failure(number, Failure.Check.SCORE, "sequence " + sequence + ": the payload cannot be read as "
                    + payloadType + " by the scoring policy: " + firstLine(unreadable.getMessage()));
        }
        if (event == Payloads.UNKNOWN_TYPE) {
            unknownTypes.add(payloadType);
        } else {
            events.add(event);
        }
        out.printf("  %5d  %-24s %-26s %s%n", sequence, type, recordedAt, textOrNull(line, "actor"));
        return null;
    }

    private Failure footer(int number, JsonNode line, Header header, EventChain.Walk walk, List<Object> events,
                           Set<String> unknownTypes) {
        String head = line.path("head").asText();
        if (!head.equals(walk.head())) {
            return new Failure(number, Failure.Check.HASH, "the footer's head " + head + " is not the hash of the last event, "
                    + walk.head() + ": events are missing at the end");
        }
        out.println("Chain:     intact, " + walk.nextSequence() + " events, head " + head);
        String policyVersion = line.path("policyVersion").asText();
        String band = line.path("band").asText();
        BigDecimal score = line.path("score").isNumber() ? line.path("score").decimalValue() : null;
        if (score == null) {
            return new Failure(number, Failure.Check.SCORE, "the footer states no score");
        }
        PublicKey key = givenKey != null ? givenKey : header.key;
        byte[] statement = AuditSignature.statement(header.customerId, head, policyVersion, score, band);
        if (!AuditSignature.verifies(key, statement, line.path("signature").asText())) {
            return new Failure(number, Failure.Check.SIGNATURE, "the signature over the head, policy and score does not "
                    + "verify with " + keySource(key));
        }
        out.println("Signature: valid, by " + keySource(key));
        if (givenKey == null) {
            out.println("           That shows the bundle is whole, not who made it: compare the key id with the "
                    + "service's GET /api/v1/audit/public-key, or pass --public-key FILE.");
        }
        ReliabilityPolicy policy;
        try {
            policy = ReliabilityPolicies.byVersion(policyVersion);
        } catch (IllegalArgumentException unknown) {
            return new Failure(number, Failure.Check.SCORE, "the footer's policy " + policyVersion
                    + " is not one this verifier knows: " + ReliabilityPolicies.versions());
        }
        Reliability derived = policy.scoreOf(events);
        if (!unknownTypes.isEmpty()) {
            out.println("Note:      events of types this verifier does not know count for nothing in its score: " + unknownTypes);
        }
        if (derived.score().compareTo(score) != 0 || !derived.band().name().equals(band)) {
            return new Failure(number, Failure.Check.SCORE, "the bundle states " + score.toPlainString() + " (" + band
                    + "); replaying its events through policy " + policyVersion + " gives " + derived.score().toPlainString()
                    + " (" + derived.band() + ")");
        }
        out.println("Score:     " + derived.score().toPlainString() + " (" + derived.band() + ") under policy "
                + policyVersion + ", re-derived from the events, as the bundle states");
        return null;
    }

    private String keySource(PublicKey key) {
        return "key " + AuditSignature.keyId(key) + (givenKey != null ? " given with --public-key" : " named in the bundle's own header");
    }

    private static String textOrNull(JsonNode line, String field) {
        return line.hasNonNull(field) ? line.get(field).asText() : null;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** The header's claims about the key that signed the bundle. */
    private static final class Header {
        final String customerId;
        final String keyId;
        final String publicKey;
        PublicKey key;

        Header(String customerId, String keyId, String publicKey) {
            this.customerId = customerId;
            this.keyId = keyId;
            this.publicKey = publicKey;
        }

        /** The header's key must be a key and carry its own id; a key given must be the one the header names. */
        Failure keyFailure(PublicKey given) {
            try {
                key = AuditSignature.publicKey(publicKey);
            } catch (IllegalArgumentException e) {
                return new Failure(1, Failure.Check.SIGNATURE, "the header's publicKey is not an " + AuditSignature.ALGORITHM + " key");
            }
            if (!AuditSignature.keyId(key).equals(keyId)) {
                return new Failure(1, Failure.Check.SIGNATURE, "the header's keyId " + keyId + " is not the id of its publicKey, "
                        + AuditSignature.keyId(key));
            }
            if (given != null && !AuditSignature.keyId(given).equals(keyId)) {
                return new Failure(1, Failure.Check.SIGNATURE, "the bundle was signed by key " + keyId + ", not by the key given "
                        + "with --public-key, " + AuditSignature.keyId(given));
            }
            return null;
        }
    }
}
