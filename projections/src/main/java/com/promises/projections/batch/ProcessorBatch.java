package com.promises.projections.batch;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * State a projection keeps for one batch of its event processor: created when the batch first needs it,
 * knowing every event of the batch (to read what they touch at once), and written out just before the
 * batch's transaction commits together with the processor's token.
 */
public final class ProcessorBatch {

    private ProcessorBatch() {
    }

    /**
     * The current batch's state of this kind. {@code create} receives the batch's messages; {@code beforeCommit}
     * runs once, when the batch prepares to commit. Outside a batching unit of work (a dead letter retried on
     * its own) the batch is that one message.
     */
    public static <T> T current(Class<T> kind, Function<List<? extends Message<?>>, T> create, Consumer<T> beforeCommit) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(kind.getName(), key -> {
            List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : List.of(unitOfWork.getMessage());
            T state = create.apply(messages);
            unitOfWork.onPrepareCommit(u -> beforeCommit.accept(state));
            return state;
        });
    }

    /** The customers (aggregate identifiers) the messages belong to, in order of first appearance. */
    public static Set<String> customersOf(List<? extends Message<?>> messages) {
        Set<String> customers = new LinkedHashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                customers.add(domain.getAggregateIdentifier());
            }
        }
        return customers;
    }
}
