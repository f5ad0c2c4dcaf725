package com.promises.api.infrastructure.idempotency;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Runs a keyed request in one transaction with the claim of its key and, by nesting the command's
 * unit of work in this one, with the events it stores: the answer is committed together with its
 * events or not at all. Nesting also holds the customer's lock until that commit, so the next
 * command on the customer sees these events.
 */
@Component
class KeyedExecution {

    /** What the request produced: an answer worth keeping (2xx), or one to forget with its transaction. */
    interface Request {
        Optional<StoredAnswer> handle() throws Exception;
    }

    /** What became of a keyed request. */
    sealed interface Outcome {
        /** The key was used before; here is what happened then. */
        record Earlier(StoredAnswer answer) implements Outcome {
        }

        /** This request ran; whatever it answered is in the response. */
        record Ran() implements Outcome {
        }
    }

    private final IdempotencyStore store;
    private final TransactionManager transactions;

    KeyedExecution(IdempotencyStore store, TransactionManager transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    Outcome run(String principal, String key, byte[] requestHash, Duration wait, Request request) throws Exception {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(key));
        unitOfWork.attachTransaction(transactions);
        try {
            Optional<StoredAnswer> earlier = store.claim(principal, key, requestHash, wait);
            if (earlier.isPresent()) {
                unitOfWork.rollback();
                return new Outcome.Earlier(earlier.get());
            }
            Optional<StoredAnswer> answer = request.handle();
            if (answer.isPresent()) {
                store.complete(principal, key, answer.get());
                unitOfWork.commit();
            } else {
                unitOfWork.rollback();
            }
            return new Outcome.Ran();
        } catch (Exception | Error e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }
}
