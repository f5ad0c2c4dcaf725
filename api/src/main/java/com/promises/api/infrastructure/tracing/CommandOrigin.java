package com.promises.api.infrastructure.tracing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sent it and the request it belongs to, on the thread that sends it.
 * What a sender set itself is kept (a process acting on an event passes that event's ids on).
 */
class CommandOrigin implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            MetaData metaData = command.getMetaData();
            Map<String, Object> origin = new HashMap<>();
            if (!metaData.containsKey(Actor.KEY)) {
                origin.put(Actor.KEY, Actor.current());
            }
            if (!metaData.containsKey(CorrelationId.KEY)) {
                String correlationId = CorrelationId.current();
                origin.put(CorrelationId.KEY, correlationId != null ? correlationId : command.getIdentifier());
            }
            return origin.isEmpty() ? command : command.andMetaData(origin);
        };
    }
}
