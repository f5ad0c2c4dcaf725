package com.promises.api.infrastructure.idempotency;

import com.promises.api.command.CommandTransaction;
import jakarta.servlet.ServletException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs a keyed request in one transaction with the claim of its key and the events its command stores:
 * the answer is committed together with its events or not at all.
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

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final IdempotencyStore store;
    private final CommandTransaction transactions;

    KeyedExecution(IdempotencyStore store, CommandTransaction transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    Outcome run(String principal, String key, byte[] requestHash, Duration wait, Request request) throws Exception {
        CommandTransaction.Open transaction = transactions.begin();
        try {
            Optional<StoredAnswer> earlier = store.claim(principal, key, requestHash, wait);
            if (earlier.isPresent()) {
                transaction.rollback();
                return new Outcome.Earlier(earlier.get());
            }
            Optional<StoredAnswer> answer = request.handle();
            if (answer.isPresent()) {
                store.complete(principal, key, answer.get());
                transaction.commit();
            } else {
                transaction.rollback();
            }
            return new Outcome.Ran();
        } catch (Exception | Error e) {
            transaction.rollbackAfter(e);
            throw e;
        }
    }

    /** The key's claim waited its time out: a request with the same key is still running. */
    static boolean stillRunningElsewhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A filter's failure as the servlet container takes it. */
    static void rethrow(Exception failure) throws ServletException, IOException {
        if (failure instanceof ServletException servlet) {
            throw servlet;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        throw new ServletException(failure);
    }
}
