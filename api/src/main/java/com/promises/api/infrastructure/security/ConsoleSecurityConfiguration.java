package com.promises.api.infrastructure.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's pages: a sign-in form at {@code /}, a session cookie, CSRF tokens on every form, sign-out. The same
 * users, roles and sign-in throttle as the API, whose stateless Basic chain takes every path not listed here.
 * Nothing remembers a password in the browser: no remember-me, and the session ends with sign-out or idleness.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurityConfiguration {

    static final String SIGN_IN_PAGE = "/";
    static final String[] CONSOLE_PATHS = {"/", "/sign-in", "/sign-out", "/console", "/console/**", "/webjars/**"};

    private static final String[] READERS = {Role.COLLECTOR.name(), Role.AUDITOR.name(), Role.ADMIN.name()};

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http
                .securityMatcher(CONSOLE_PATHS)
                .authenticationManager(authentication)
                .httpBasic(AbstractHttpConfigurer::disable)
                .rememberMe(AbstractHttpConfigurer::disable)
                .formLogin(form -> form
                        .loginPage(SIGN_IN_PAGE)
                        .loginProcessingUrl("/sign-in")
                        .defaultSuccessUrl("/console/today")
                        .failureHandler(signInFailures())
                        .permitAll())
                .logout(signOut -> signOut.logoutUrl("/sign-out").logoutSuccessUrl("/?signedOut")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers.referrerPolicy(policy ->
                        policy.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/webjars/**", "/console/console.css").permitAll()
                        // The sign-in page with any query (?error, ?locked, ?signedOut, ?lang=): form login's own
                        // permission matches the bare URL only.
                        .requestMatchers(HttpMethod.GET, SIGN_IN_PAGE).permitAll()
                        .requestMatchers("/console/admin", "/console/admin/**").hasRole(Role.ADMIN.name())
                        // Every command form posts under /console; only collectors' posts reach a command.
                        .requestMatchers(HttpMethod.POST, "/console/**").hasRole(Role.COLLECTOR.name())
                        .requestMatchers("/console", "/console/**").hasAnyRole(READERS)
                        .anyRequest().authenticated())
                .build();
    }

    /** Back to the sign-in page, saying whether the password was wrong or the name or address is locked for now. */
    private static AuthenticationFailureHandler signInFailures() {
        return (request, response, failure) -> response.sendRedirect(request.getContextPath()
                + (failure instanceof TooManyFailedSignInsException ? "/?locked" : "/?error"));
    }
}
