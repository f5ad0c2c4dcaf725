package com.promises.api.infrastructure.tracing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * Copies actor and correlation id from the command being handled onto every event it causes, so each
 * event carries them. Replaces Axon's MessageOriginProvider, whose correlationId would be the command's
 * own id rather than the request's.
 *
 * <p>Only a command passes its ids on. While a read model handles an event, the one message that handling
 * causes is the handler's result, which nothing keeps, and stamping it would deserialize every event's
 * metadata. A process that acts on an event by sending a command passes that event's ids on itself
 * (see {@link CommandOrigin}).
 */
class EventOrigin implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Object actor = message.getMetaData().getOrDefault(Actor.KEY, Actor.SYSTEM);
        Object correlationId = message.getMetaData().getOrDefault(CorrelationId.KEY, message.getIdentifier());
        return Map.of(Actor.KEY, actor, CorrelationId.KEY, correlationId);
    }
}
