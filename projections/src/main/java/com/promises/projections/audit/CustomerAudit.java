package com.promises.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.core.audit.ChainLink;
import com.promises.core.audit.EventChain;
import com.promises.core.scoring.ReliabilityPolicy;
import com.promises.projections.CustomerNotFoundException;
import com.promises.core.scoring.Reliability;
import com.promises.core.scoring.ScoreCard;
import com.promises.projections.summary.CustomerSummaries;
import com.promises.projections.summary.CustomerSummary;
import com.promises.projections.history.EventHistory;
import com.promises.projections.summary.CustomerViewReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an auditor asks of one customer, answered from the event store itself, never from the read model:
 * the history as stored, the score as it stood at any instant with the reason for each change, and a
 * check of the read model against a fresh replay and of the stored events against their hash chain.
 */
@Service
public class CustomerAudit {

    private final EventHistory history;
    private final ObjectMapper json;
    private final PolicyTimeline policies;
    private final CustomerSummaries summaries;
    private final CustomerViewReplay replay;

    CustomerAudit(EventHistory history, ObjectMapper json, PolicyTimeline policies, CustomerSummaries summaries,
                  CustomerViewReplay replay) {
        this.history = history;
        this.json = json;
        this.policies = policies;
        this.summaries = summaries;
        this.replay = replay;
    }

    public record HistoryEvent(long sequence, String type, Instant recordedAt, String actor, String correlationId,
                               JsonNode payload) {
    }

    public record History(String customerId, List<HistoryEvent> events) {
    }

    public record Explanation(long sequence, String type, BigDecimal delta, BigDecimal scoreAfter) {
    }

    /** @param policyVersion the policy the score was computed under (also in {@code reliability}) */
    public record ReliabilityAsOf(String customerId, Instant asOf, String policyVersion, Reliability reliability,
                                  List<Explanation> explanation) {
    }

    /**
     * @param consistent       the stored read model equals a fresh replay
     * @param chainIntact      every stored event holds its place in the customer's hash chain
     * @param firstBadSequence when it does not, the first event that does not (changed, missing, out of place)
     */
    public record Verification(boolean consistent, CustomerSummary projection, CustomerSummary replayed,
                               boolean chainIntact, Long firstBadSequence) {
    }

    public History history(String customerId) {
        List<HistoryEvent> events = new ArrayList<>();
        stream(customerId, events::add);
        if (events.isEmpty()) {
            throw unknown(customerId);
        }
        return new History(customerId, events);
    }

    /** Every event of the customer, oldest first, as stored; for a streamed export. */
    public void stream(String customerId, Consumer<HistoryEvent> sink) {
        history.forEachStored(customerId, stored -> {
            ChainLink link = stored.link();
            sink.accept(new HistoryEvent(stored.sequence(), simpleName(stored.type()), stored.recordedAt(),
                    link.actor(), link.correlationId(), read(stored.payload())));
        });
    }

    public boolean exists(String customerId) {
        return history.lastSequence(customerId).isPresent();
    }

    /** As {@link #reliabilityAsOf(String, Instant, String)} under the policy in force at {@code asOf}. */
    public ReliabilityAsOf reliabilityAsOf(String customerId, Instant asOf) {
        return reliabilityAsOf(customerId, asOf, null);
    }

    /**
     * The reliability recomputed from the events recorded up to {@code asOf} (all of them when null), one
     * explanation row per event. Recorded means the time the event store took the event. The policy is the one
     * asked for by version, else the one in force at {@code asOf} (now, without an instant).
     *
     * @throws IllegalArgumentException for a policy version the service does not know
     */
    public ReliabilityAsOf reliabilityAsOf(String customerId, Instant asOf, String policyVersion) {
        ReliabilityPolicy policy = policies.forAnswerAt(asOf, policyVersion);
        ScoreCard card = policy.start();
        List<Explanation> explanation = new ArrayList<>();
        BigDecimal before = card.reliability().score();
        boolean any = false;
        for (DomainEventMessage<?> event : events(customerId)) {
            any = true;
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            card = card.apply(event.getPayload());
            BigDecimal after = card.reliability().score();
            explanation.add(new Explanation(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    after.subtract(before), after));
            before = after;
        }
        if (!any) {
            throw unknown(customerId);
        }
        return new ReliabilityAsOf(customerId, asOf, policy.version(), card.reliability(), explanation);
    }

    /** The stored summary beside one replayed from the history by the same rules, and the history's chain checked. */
    public Verification verify(String customerId) {
        CustomerSummary projection = summaries.get(customerId);
        Long firstBad = firstEventOffTheChain(customerId);
        CustomerSummary replayed;
        try {
            replayed = summaries.summarize(replay.replay(customerId, events(customerId)));
        } catch (RuntimeException unreadable) { // a damaged stored event: the chain names it, the replay cannot be made
            return new Verification(false, projection, null, firstBad == null, firstBad);
        }
        CustomerSummary stored = projection.with(projection.promises(), null);
        return new Verification(stored.equals(replayed), projection, replayed, firstBad == null, firstBad);
    }

    /** The first stored event whose stored hash is not the one the chain's rule gives it, or null. */
    private Long firstEventOffTheChain(String customerId) {
        EventChain.Walk walk = EventChain.walk(customerId);
        Long[] firstBad = {null};
        history.forEachStored(customerId, stored -> {
            if (firstBad[0] == null && !walk.next(stored.link(), stored.hash()).holds()) {
                firstBad[0] = stored.sequence();
            }
        });
        return firstBad[0];
    }

    private List<? extends DomainEventMessage<?>> events(String customerId) {
        // from sequence 0: an audit reads the whole history, never a snapshot
        return history.events(customerId, 0);
    }

    private JsonNode read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static RuntimeException unknown(String customerId) {
        return new CustomerNotFoundException(customerId);
    }
}
