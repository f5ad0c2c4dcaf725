package com.promises.api.config;

import com.promises.core.account.AccountRules;
import com.promises.core.account.CustomerAccount;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;

/** The business clock, the rules the customer account decides by, and the aggregate with its snapshots. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    Clock businessClock(PromisesProperties properties) {
        var fixed = properties.clock().fixed();
        return fixed == null ? Clock.systemUTC() : Clock.fixed(fixed, ZoneOffset.UTC);
    }

    @Bean
    AccountRules accountRules(PromisesProperties properties) {
        var warnings = properties.warnings();
        return new AccountRules(properties.zone(), properties.graceDays(), properties.quietDays(),
                warnings.writtenAmount(), warnings.writtenHorizonDays(), warnings.doubtfulMultiple(),
                warnings.doubtfulSoonDays(), warnings.poorRecordBelow());
    }

    /** Registered here rather than with a Spring stereotype so that core stays free of Spring. */
    @Bean
    ConfigurerModule customerAccountAggregate(PromisesProperties properties) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(CustomerAccount.class)
                        .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                                config.snapshotter(), properties.snapshotThreshold())));
    }
}
