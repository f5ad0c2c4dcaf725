package com.promises.api.infrastructure.tracing;

import jakarta.servlet.DispatcherType;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Actor and correlation id: from the request into the commands, and from the commands into the events. */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** First of all filters, so even a 401 or a 413 carries the id. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandOrigin() {
        return new CommandOrigin();
    }

    @Bean
    CorrelationDataProvider eventOrigin() {
        return new EventOrigin();
    }
}
