package com.promises.projections.batch;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two settings for read-model transactions (a processor's batch), set once at the start of each:
 * <ul>
 * <li>They commit without waiting for the disk. Safe because a read model's writes and its processor's token
 *     commit in the same transaction: a crash can lose the newest of them, but only together, and the
 *     processor then applies those events again. Commands, the event store and idempotency records keep
 *     PostgreSQL's synchronous commit.</li>
 * <li>Their statements never scan a whole table: every read-model statement names its customer, and each
 *     table has an index for that. A rebuild starts from truncated tables whose statistics say they are empty,
 *     and the planner would otherwise choose full scans and keep them as the tables grow; with full scans off
 *     a cached generic plan uses the index too, so statements are not planned afresh each time.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelTransactions {

    private static final String APPLIED = ReadModelTransactions.class.getName();

    @Bean
    ConfigurerModule readModelTransactionSettings(JdbcTemplate jdbc) {
        MessageHandlerInterceptor<EventMessage<?>> interceptor = new ReadModelTransaction(jdbc);
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> interceptor);
    }

    /** Once per unit of work (a processor's batch), inside its transaction. */
    public record ReadModelTransaction(JdbcTemplate jdbc) implements MessageHandlerInterceptor<EventMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            UnitOfWork<?> batch = unitOfWork.root();
            if (TransactionSynchronizationManager.isActualTransactionActive() && !batch.resources().containsKey(APPLIED)) {
                jdbc.execute("set local synchronous_commit to off; set local enable_seqscan to off");
                batch.resources().put(APPLIED, Boolean.TRUE);
            }
            return chain.proceed();
        }
    }
}
