package com.promises.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash rule of each stream's chain, the one the service stores beside every event and the offline verifier
 * recomputes: an event's hash is SHA-256 over the previous event's hash (hex), a newline and the event's
 * {@link ChainLink#canonical() canonical serialisation}; before the first event stands the stream's genesis, a hash of
 * the stream's id, so a chain cannot be passed off as another customer's. Hashes are lowercase hex.
 */
public final class EventChain {

    private static final String GENESIS_PREFIX = "promises-chain-v1\n";

    private EventChain() {
    }

    /** What the first event of this stream (a customer's id) is chained to. */
    public static String genesis(String stream) {
        return sha256(GENESIS_PREFIX + stream);
    }

    /** The hash of this event after the one whose hash is {@code previous}. */
    public static String next(String previous, ChainLink link) {
        return sha256(previous + "\n" + link.canonical());
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Starts checking a stream's events in order against the hashes stated for them. */
    public static Walk walk(String stream) {
        return new Walk(stream);
    }

    /**
     * A stream's events checked one after another: each must carry the next sequence number and the hash the rule
     * gives after the events before it.
     */
    public static final class Walk {
        private String head;
        private long nextSequence;

        private Walk(String stream) {
            this.head = genesis(stream);
        }

        /**
         * Chains this event and says whether it holds its place: the expected sequence number and the stated hash.
         * An event whose payload is not JSON does not hold it. The walk goes on from the recomputed hash either way.
         */
        public Step next(ChainLink link, String statedHash) {
            String recomputed;
            try {
                recomputed = EventChain.next(head, link);
            } catch (IllegalArgumentException notJson) {
                return Step.PAYLOAD_NOT_JSON;
            }
            head = recomputed;
            boolean inPlace = link.sequence() == nextSequence;
            nextSequence = link.sequence() + 1;
            if (!inPlace) {
                return Step.OUT_OF_SEQUENCE;
            }
            return recomputed.equals(statedHash) ? Step.HOLDS : Step.HASH_DIFFERS;
        }

        /** The hash of the last event walked (the stream's genesis before the first). */
        public String head() {
            return head;
        }

        /** The sequence number the next event must carry. */
        public long nextSequence() {
            return nextSequence;
        }
    }

    /** How one event fared in a {@link Walk}. */
    public enum Step {
        HOLDS, HASH_DIFFERS, OUT_OF_SEQUENCE, PAYLOAD_NOT_JSON;

        public boolean holds() {
            return this == HOLDS;
        }
    }
}
