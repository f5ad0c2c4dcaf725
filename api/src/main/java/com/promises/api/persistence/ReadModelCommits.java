package com.promises.api.persistence;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read-model transactions commit without waiting for the disk. Safe because a read model's writes and
 * its processor's token commit in the same transaction: a crash can lose the newest of them, but only
 * together, and the processor then applies those events again. Nothing else is relaxed: commands, the
 * event store and idempotency records keep PostgreSQL's synchronous commit.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelCommits {

    private static final String APPLIED = ReadModelCommits.class.getName();

    @Bean
    ConfigurerModule asynchronousReadModelCommits(JdbcTemplate jdbc) {
        MessageHandlerInterceptor<EventMessage<?>> interceptor = new AsynchronousCommit(jdbc);
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> interceptor);
    }

    /** Once per unit of work (a processor's batch), inside its transaction. */
    record AsynchronousCommit(JdbcTemplate jdbc) implements MessageHandlerInterceptor<EventMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            UnitOfWork<?> batch = unitOfWork.root();
            if (TransactionSynchronizationManager.isActualTransactionActive() && !batch.resources().containsKey(APPLIED)) {
                jdbc.execute("set local synchronous_commit to off");
                batch.resources().put(APPLIED, Boolean.TRUE);
            }
            return chain.proceed();
        }
    }
}
