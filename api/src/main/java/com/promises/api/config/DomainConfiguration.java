package com.promises.api.config;

import com.promises.core.account.AccountRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;

/** The business clock, and the rules the customer account decides by. */
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
}
