package com.promises.api.command;

import com.promises.core.account.CommandRejected;
import com.promises.core.account.Rejection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A command that collides with another writer is sent again a few times; refusals are never retried. */
class CommandDispatcherTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger sent = new AtomicInteger();

    /** A gateway that gives the scripted outcomes in turn: a Throwable is thrown, anything else answered. */
    private CommandGateway gatewayAnswering(Object... outcomes) {
        Deque<Object> script = new ArrayDeque<>(List.of(outcomes));
        return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{CommandGateway.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("sendAndWait")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    sent.incrementAndGet();
                    Object outcome = script.isEmpty() ? "ok" : script.pop();
                    if (outcome instanceof RuntimeException failure) {
                        throw failure;
                    }
                    return outcome;
                });
    }

    @Test
    void aCommandThatCollidesTwiceIsSentAThirdTimeAndSucceeds() {
        CommandDispatcher dispatcher = new CommandDispatcher(gatewayAnswering(
                new ConcurrencyException("seq 4 taken"), new ConcurrencyException("seq 5 taken"), "answer"), meters);

        String answer = dispatcher.send("c-1", new Object(), String.class);

        assertThat(answer).isEqualTo("answer");
        assertThat(sent).hasValue(3);
    }

    @Test
    void aCommandThatKeepsCollidingIsAConcurrentChange() {
        CommandDispatcher dispatcher = new CommandDispatcher(gatewayAnswering(
                new ConcurrencyException("1"), new ConcurrencyException("2"), new ConcurrencyException("3"),
                new ConcurrencyException("4"), "never"), meters);

        Throwable failure = catchThrowable(() -> dispatcher.send("c-1", new Object(), String.class));

        assertThat(failure).isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("c-1");
        assertThat(sent).hasValue(CommandDispatcher.ATTEMPTS);
    }

    @Test
    void aRefusalIsNotRetriedAndIsCountedWithItsCode() {
        CommandDispatcher dispatcher = new CommandDispatcher(gatewayAnswering(
                Rejection.INSIDE_QUIET_DAYS.because("quiet until 2026-06-18")), meters);

        Throwable failure = catchThrowable(() -> dispatcher.send("c-1", "a command", String.class));

        assertThat(failure).isInstanceOf(CommandRejected.class);
        assertThat(sent).hasValue(1);
        assertThat(meters.get("promises.commands").tag("command", "String").tag("outcome", "rejected")
                .tag("code", "INSIDE_QUIET_DAYS").timer().count()).isEqualTo(1);
    }
}
