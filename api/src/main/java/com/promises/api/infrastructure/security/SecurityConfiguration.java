package com.promises.api.infrastructure.security;

import com.promises.api.infrastructure.http.ProblemCorsProcessor;
import com.promises.api.infrastructure.problem.ProblemResponses;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * HTTP Basic for every API call, stateless and without CSRF tokens (no cookies, no sessions).
 * COLLECTOR posts, everyone signed in reads, ADMIN administers; health and the API docs are open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String[] READERS = {Role.COLLECTOR.name(), Role.AUDITOR.name(), Role.ADMIN.name()};

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authentication, ProblemResponses problems,
                                    CorsConfigurationSource corsConfigurationSource) throws Exception {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        CorsFilter cors = new CorsFilter(corsConfigurationSource);
        cors.setCorsProcessor(new ProblemCorsProcessor(problems));
        return http
                .csrf(AbstractHttpConfigurer::disable)
                // Spring's own CORS configurer cannot be given a processor; its filter goes in the same place.
                .cors(AbstractHttpConfigurer::disable)
                .addFilter(cors)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authenticationManager(authentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(handlers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        // An import's progress is the importing collector's business, not an auditor's.
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/**").hasAnyRole(Role.COLLECTOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasAnyRole(READERS)
                        .requestMatchers("/api/v1/**").hasRole(Role.COLLECTOR.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * Spring Security would otherwise time every filter of every request as an observation of its own, a
     * noticeable share of a command's CPU; requests are still timed whole
     * (http.server.requests) and commands by type and outcome.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The firewall's refusals (odd methods, path tricks) as problems; Spring Security finds it by its type. */
    @Bean
    RequestRejectedHandler firewallRejections(ProblemResponses problems) {
        return new FirewallRejections(problems);
    }

    @Bean
    FailedSignIns failedSignIns(SecuritySettings settings, MeterRegistry meters) {
        return new FailedSignIns(settings.maxFailures(), settings.failureWindow(), TimeMeter.SYSTEM_NANOTIME, meters);
    }

    /** The throttle first (two lookups that find nothing when nothing failed), then remembered successes, then the hash. */
    @Bean
    AuthenticationManager authenticationManager(SecuritySettings settings, Environment environment, FailedSignIns failures) {
        boolean externalDatabase = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        PasswordCheck passwordCheck = new PasswordCheck(Users.resolve(settings.users(), externalDatabase), new Passwords());
        VerifiedCredentials verified = new VerifiedCredentials(passwordCheck, settings.verifiedFor(), settings.verifiedMaxUsers());
        return new ProviderManager(new ThrottledSignIn(verified, failures));
    }
}
