package com.promises.core.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain's rule on a stream of two events, and what a walk over stated hashes finds. */
class EventChainTest {

    private static final Instant AT = Instant.parse("2026-07-01T09:00:00.120Z");
    private static final ChainLink FIRST = new ChainLink(0, "com.promises.core.account.CustomerRegistered", AT, "collector",
            "c-1", "{\"customerId\":\"hotel\",\"currency\":\"CNY\"}");
    private static final ChainLink SECOND = new ChainLink(1, "com.promises.core.promise.PromiseMade", AT.plusSeconds(60),
            "collector", "c-2", "{\"customerId\":\"hotel\",\"amount\":{\"amount\":\"1200.00\",\"currency\":\"CNY\"}}");

    @Test
    void eachHashIsSha256OverThePreviousHashAndTheCanonicalEvent() {
        String genesis = EventChain.genesis("hotel");
        assertThat(genesis).isEqualTo(EventChain.sha256("promises-chain-v1\nhotel")).hasSize(64);
        assertThat(FIRST.canonical()).isEqualTo("{\"actor\":\"collector\",\"correlationId\":\"c-1\",\"payload\":"
                + "{\"currency\":\"CNY\",\"customerId\":\"hotel\"},\"recordedAt\":\"2026-07-01T09:00:00.120Z\","
                + "\"sequence\":0,\"type\":\"com.promises.core.account.CustomerRegistered\"}");
        assertThat(EventChain.next(genesis, FIRST)).isEqualTo(EventChain.sha256(genesis + "\n" + FIRST.canonical()));
    }

    @Test
    void anotherStreamOrAnotherSpellingOfThePayload() {
        assertThat(EventChain.genesis("hotel")).isNotEqualTo(EventChain.genesis("hotel2"));
        ChainLink respelled = new ChainLink(0, FIRST.type(), FIRST.recordedAt(), "collector", "c-1",
                "{ \"currency\": \"CNY\", \"customerId\": \"hotel\" }");
        assertThat(EventChain.next("x", respelled)).isEqualTo(EventChain.next("x", FIRST));
        ChainLink changed = new ChainLink(0, FIRST.type(), FIRST.recordedAt(), "collector", "c-1",
                "{\"currency\":\"USD\",\"customerId\":\"hotel\"}");
        assertThat(EventChain.next("x", changed)).isNotEqualTo(EventChain.next("x", FIRST));
    }

    @Test
    void aWalkNamesWhatDoesNotHold() {
        String first = EventChain.next(EventChain.genesis("hotel"), FIRST);
        String second = EventChain.next(first, SECOND);

        EventChain.Walk intact = EventChain.walk("hotel");
        assertThat(intact.next(FIRST, first)).isEqualTo(EventChain.Step.HOLDS);
        assertThat(intact.next(SECOND, second)).isEqualTo(EventChain.Step.HOLDS);
        assertThat(intact.head()).isEqualTo(second);

        EventChain.Walk swapped = EventChain.walk("hotel");
        assertThat(swapped.next(SECOND, second)).isEqualTo(EventChain.Step.OUT_OF_SEQUENCE);

        EventChain.Walk otherCustomer = EventChain.walk("hotel2");
        assertThat(otherCustomer.next(FIRST, first)).isEqualTo(EventChain.Step.HASH_DIFFERS);

        ChainLink broken = new ChainLink(0, FIRST.type(), AT, null, null, "{\"cut");
        assertThat(EventChain.walk("hotel").next(broken, first)).isEqualTo(EventChain.Step.PAYLOAD_NOT_JSON);
    }

    @Test
    void onlyAnEventInItsPlaceWithItsStatedHashHolds() {
        assertThat(EventChain.Step.HOLDS.holds()).isTrue();
        assertThat(EventChain.Step.HASH_DIFFERS.holds()).isFalse();
        assertThat(EventChain.Step.OUT_OF_SEQUENCE.holds()).isFalse();
        assertThat(EventChain.Step.PAYLOAD_NOT_JSON.holds()).isFalse();
    }

    @Test
    void aWalkExpectsTheSequenceNumberAfterTheLastEventItChained() {
        String first = EventChain.next(EventChain.genesis("hotel"), FIRST);
        String second = EventChain.next(first, SECOND);

        EventChain.Walk walk = EventChain.walk("hotel");
        assertThat(walk.nextSequence()).isZero();
        walk.next(FIRST, first);
        walk.next(SECOND, second);
        // the verifier states this as an intact chain's count of events, and as the number it expected when one is out of place
        assertThat(walk.nextSequence()).isEqualTo(2);

        // the walk goes on from an event out of place, so what it expects next follows that event's number
        EventChain.Walk gap = EventChain.walk("hotel");
        assertThat(gap.next(SECOND, second)).isEqualTo(EventChain.Step.OUT_OF_SEQUENCE);
        assertThat(gap.nextSequence()).isEqualTo(2);
    }
}
