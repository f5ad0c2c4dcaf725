package com.promises.api.infrastructure.idempotency;

import com.promises.api.infrastructure.http.HttpSettings;
import com.promises.api.infrastructure.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The Idempotency-Key filter, placed after Spring Security (order -100), and the clean-up of old answers. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(KeyedExecution execution, ProblemResponses problems,
                                                               HttpSettings settings) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(execution, problems, settings.idempotency()));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** The console's forms, keyed by a hidden field; after Spring Security, which has read the form by then. */
    @Bean
    FilterRegistrationBean<FormIdempotencyFilter> formIdempotencyFilter(KeyedExecution execution, HttpSettings settings) {
        var registration = new FilterRegistrationBean<>(new FormIdempotencyFilter(execution, settings.idempotency()));
        registration.setOrder(0);
        registration.addUrlPatterns("/console/*");
        return registration;
    }

    @Bean
    IdempotencyCleanup idempotencyCleanup(IdempotencyStore store, HttpSettings settings) {
        return new IdempotencyCleanup(store, settings);
    }

    static class IdempotencyCleanup {

        private final IdempotencyStore store;
        private final HttpSettings settings;

        IdempotencyCleanup(IdempotencyStore store, HttpSettings settings) {
            this.store = store;
            this.settings = settings;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
        void forgetOldAnswers() {
            int deleted = store.deleteOlderThan(settings.idempotency().retention());
            if (deleted > 0) {
                log.info("Forgot {} idempotent answers older than {}", deleted, settings.idempotency().retention());
            }
        }
    }
}
