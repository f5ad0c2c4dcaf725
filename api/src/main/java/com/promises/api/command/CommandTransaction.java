package com.promises.api.command;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * One transaction for a caller's own writes and the commands it sends meanwhile: their events are stored when
 * it commits, or not at all. The customer's lock is held until then, so the next command on the customer sees
 * these events. A conflict on a customer's event stream shows at {@link Open#commit()}, where the caller answers
 * it; {@link CommandDispatcher} does not retry inside one.
 */
@Component
public class CommandTransaction {

    private final TransactionManager transactions;

    CommandTransaction(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /** Begins one on this thread; commands sent on this thread until it ends join it. */
    public Open begin() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command-transaction"));
        unitOfWork.attachTransaction(transactions);
        return new Open(unitOfWork);
    }

    static boolean isOpen() {
        return CurrentUnitOfWork.isStarted();
    }

    /** A transaction under way. */
    public static final class Open {

        private final UnitOfWork<?> unitOfWork;

        private Open(UnitOfWork<?> unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        public void commit() {
            unitOfWork.commit();
        }

        public void rollback() {
            unitOfWork.rollback();
        }

        /** Rolls back after a failure, unless it already ended. */
        public void rollbackAfter(Throwable failure) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failure);
            }
        }
    }
}
