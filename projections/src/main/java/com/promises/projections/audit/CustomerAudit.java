package com.promises.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.projections.CustomerNotFoundException;
import com.promises.core.scoring.Reliability;
import com.promises.core.scoring.ScoreCard;
import com.promises.projections.summary.CustomerSummaries;
import com.promises.projections.summary.CustomerSummary;
import com.promises.projections.history.EventHistory;
import com.promises.projections.summary.CustomerViewReplay;
import com.promises.projections.summary.ScoringPolicySettings;
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
 * check of the read model against a fresh replay.
 */
@Service
public class CustomerAudit {

    private final EventHistory history;
    private final ObjectMapper json;
    private final ScoringPolicySettings scoring;
    private final CustomerSummaries summaries;
    private final CustomerViewReplay replay;

    CustomerAudit(EventHistory history, ObjectMapper json, ScoringPolicySettings scoring, CustomerSummaries summaries,
                  CustomerViewReplay replay) {
        this.history = history;
        this.json = json;
        this.scoring = scoring;
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

    public record ReliabilityAsOf(String customerId, Instant asOf, Reliability reliability, List<Explanation> explanation) {
    }

    public record Verification(boolean consistent, CustomerSummary projection, CustomerSummary replayed) {
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
            JsonNode metadata = read(stored.metadata());
            sink.accept(new HistoryEvent(stored.sequence(), simpleName(stored.type()), stored.recordedAt(),
                    text(metadata, "actor"), text(metadata, "correlationId"), read(stored.payload())));
        });
    }

    public boolean exists(String customerId) {
        return history.lastSequence(customerId).isPresent();
    }

    /**
     * The reliability recomputed from the events recorded up to {@code asOf} (all of them when null), one
     * explanation row per event. Recorded means the time the event store took the event.
     */
    public ReliabilityAsOf reliabilityAsOf(String customerId, Instant asOf) {
        ScoreCard card = scoring.policy().start();
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
        return new ReliabilityAsOf(customerId, asOf, card.reliability(), explanation);
    }

    /** The stored summary beside one replayed from the history by the same rules. */
    public Verification verify(String customerId) {
        CustomerSummary projection = summaries.get(customerId);
        CustomerSummary replayed = summaries.summarize(replay.replay(customerId, events(customerId)));
        CustomerSummary stored = projection.with(projection.promises(), null);
        return new Verification(stored.equals(replayed), projection, replayed);
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

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static RuntimeException unknown(String customerId) {
        return new CustomerNotFoundException(customerId);
    }
}
