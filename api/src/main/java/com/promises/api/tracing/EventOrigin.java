package com.promises.api.tracing;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * Copies actor and correlation id from the message being handled onto every message it causes,
 * so each event carries them. Replaces Axon's MessageOriginProvider, whose correlationId would be
 * the command's own id rather than the request's.
 */
class EventOrigin implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Object actor = message.getMetaData().getOrDefault(Actor.KEY, Actor.SYSTEM);
        Object correlationId = message.getMetaData().getOrDefault(CorrelationId.KEY, message.getIdentifier());
        return Map.of(Actor.KEY, actor, CorrelationId.KEY, correlationId);
    }
}
