package com.promises.api.infrastructure.config;

import com.promises.core.account.AccountRules;
import com.promises.core.account.CustomerAccount;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.history.EventHistory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The business clock, the rules the customer account decides by, and the aggregate with its snapshots. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    Clock businessClock(PromisesProperties properties) {
        var fixed = properties.clock().fixed();
        return fixed == null ? Clock.systemUTC() : Clock.fixed(fixed, ZoneOffset.UTC);
    }

    @Bean
    BusinessCalendar businessCalendar(AccountRules rules) {
        return rules.calendar();
    }

    @Bean
    AccountRules accountRules(PromisesProperties properties) {
        var warnings = properties.warnings();
        return new AccountRules(properties.zone(), properties.graceDays(), properties.quietDays(),
                warnings.writtenAmount(), warnings.writtenHorizonDays(), warnings.doubtfulMultiple(),
                warnings.doubtfulSoonDays(), warnings.poorRecordBelow(), warnings.firstPromiseAmount(),
                properties.excuseDays());
    }

    /** Registered here rather than with a Spring stereotype so that core stays free of Spring. */
    @Bean
    ConfigurerModule customerAccountAggregate(PromisesProperties properties, CheckedAggregateCache accountCache) {
        var aggregate = AggregateConfigurer.defaultConfiguration(CustomerAccount.class)
                .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                        config.snapshotter(), properties.snapshotThreshold()));
        if (properties.accountCache().size() > 0) {
            aggregate.configureCache(config -> accountCache);
        }
        return configurer -> configurer.configureAggregate(aggregate);
    }

    @Bean
    CheckedAggregateCache accountCache(PromisesProperties properties, EventHistory history) {
        return new CheckedAggregateCache(history, properties.accountCache().size(), properties.accountCache().idle());
    }

    /**
     * Snapshots are taken off the command's thread. Axon's default takes them right after the commit
     * while the customer is still locked, and needs a database connection of its own: under contention
     * on one customer every pooled connection can be held by requests waiting for that lock, so the
     * snapshot (and the lock) would wait for the pool's timeout. A skipped snapshot is harmless: the next
     * trigger takes it. The snapshotter is built on first use: inspecting the account's handlers needs
     * beans (the rules, the clock) that may not exist yet while the context is being built.
     */
    @Bean
    Snapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore,
                                                    TransactionManager transactionManager) {
        var executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                runnable -> {
                    Thread thread = new Thread(runnable, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.DiscardPolicy());
        // Not Spring's snapshotter: it only knows aggregates registered as Spring beans, and ours is not one.
        Supplier<Snapshotter> build = () -> AggregateSnapshotter.builder()
                .aggregateFactories(new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        CustomerAccount.class, parameterResolverFactory, handlerDefinition)))
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(executor)
                .build();
        return new Snapshotter() {
            private volatile Snapshotter delegate;

            @Override
            public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
                if (delegate == null) {
                    synchronized (this) {
                        if (delegate == null) {
                            delegate = build.get();
                        }
                    }
                }
                delegate.scheduleSnapshot(aggregateType, aggregateIdentifier);
            }
        };
    }
}
