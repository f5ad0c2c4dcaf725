package com.promises.api.command;

import com.promises.api.infrastructure.problem.ProblemCode;
import com.promises.core.account.CommandRejected;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a controller's command to the customer account and waits for the answer. Two writers on one
 * customer can collide on the event sequence (across service instances); the command is then sent
 * again, which is safe because every command carries its ids and the account is idempotent by them.
 * Each command type gets a timer, {@code promises.commands}, tagged with its outcome.
 */
@Component
public class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    /** Tries of a command that meets a concurrent change of its customer, the first included. */
    public static final int ATTEMPTS = 4;

    private final CommandGateway gateway;
    private final MeterRegistry meters;

    CommandDispatcher(CommandGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.meters = meters;
    }

    /** Sends the command for {@code customerId} and returns the account's answer as {@code answerType}. */
    public <R> R send(String customerId, Object command, Class<R> answerType) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        String code = "none";
        try {
            Object answer = sendRetryingConflicts(customerId, command);
            outcome = "accepted";
            return answerType.cast(answer);
        } catch (CommandRejected rejected) {
            outcome = "rejected";
            code = rejected.code();
            throw rejected;
        } catch (AggregateNotFoundException notFound) {
            outcome = "rejected";
            code = ProblemCode.CUSTOMER_NOT_FOUND.name();
            throw notFound;
        } finally {
            sample.stop(timer(command, outcome, code));
        }
    }

    /** Sends a command whose answer the caller does not need. */
    public void send(String customerId, Object command) {
        send(customerId, command, Object.class);
    }

    private Object sendRetryingConflicts(String customerId, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                // Inside a CommandTransaction the conflict shows at its commit, where its owner answers it.
                if (attempt == ATTEMPTS || CommandTransaction.isOpen()) {
                    throw new ConcurrentChangeException(customerId, conflict);
                }
                log.debug("Concurrent change on customer {}, attempt {} of {}", customerId, attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** How long to wait before trying again after {@code attempt} tries: longer each time, spread so rivals part. */
    public static long backoffMillis(int attempt) {
        return ThreadLocalRandom.current().nextLong(5, 20) * attempt;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(backoffMillis(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a command", e);
        }
    }

    private Timer timer(Object command, String outcome, String code) {
        return Timer.builder("promises.commands")
                .description("Commands sent to customer accounts, by type and outcome")
                .tag("command", command.getClass().getSimpleName())
                .tag("outcome", outcome)
                .tag("code", code)
                .publishPercentileHistogram()
                .register(meters);
    }
}
