package plaincrud;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plain CRUD service's Spring application: in a package of its own, outside com.promises, so that the service's
 * component scan (which covers com.promises) never picks up its controller. See com.promises.bench.PlainCrudService.
 */
public final class PlainCrudApplication {

    private PlainCrudApplication() {
    }

    /** The user the benchmark signs in as, and its password, compared as {noop}. */
    public static final String USER = "bench";
    public static final String PASSWORD = "crud-password";

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
            DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    @EnableWebSecurity
    @Import(Commands.class)
    public static class Application {

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("COLLECTOR"))
                    .httpBasic(Customizer.withDefaults())
                    .build();
        }

        /** A fresh user each time: Spring Security erases the password of the one it signed in. */
        @Bean
        UserDetailsService users() {
            return name -> {
                if (!USER.equals(name)) {
                    throw new UsernameNotFoundException(name);
                }
                return User.withUsername(USER).password("{noop}" + PASSWORD).roles("COLLECTOR").build();
            };
        }

        @Bean
        PasswordEncoder passwords() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }
    }

    record PromiseBody(@NotBlank @Size(max = 64) String promiseId, @NotNull @Positive BigDecimal amount,
                       @NotBlank @Size(min = 3, max = 3) String currency, @NotNull LocalDate dueDate, @NotBlank String channel,
                       Boolean inWriting) {
    }

    record PaymentBody(@NotNull @Positive BigDecimal amount, @NotBlank @Size(min = 3, max = 3) String currency,
                       @NotNull LocalDate paidOn) {
    }

    record ReminderBody(@NotBlank String channel) {
    }

    record BrokenBody(@NotBlank String reason) {
    }

    record RenegotiationBody(@NotBlank @Size(max = 64) String newPromiseId, @NotNull LocalDate newDueDate) {
    }

    @RestController
    @RequestMapping("/api/v1/customers/{customerId}")
    static class Commands {

        private final JdbcClient jdbc;

        Commands(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/promises")
        ResponseEntity<Map<String, Object>> promise(@PathVariable String customerId, @Valid @RequestBody PromiseBody body) {
            return record(customerId, "PROMISE", body.promiseId(), body.amount(), body.currency(), body.dueDate(), body.channel());
        }

        @PostMapping("/payments")
        ResponseEntity<Map<String, Object>> payment(@PathVariable String customerId, @Valid @RequestBody PaymentBody body) {
            return record(customerId, "PAYMENT", null, body.amount(), body.currency(), body.paidOn(), null);
        }

        @PostMapping("/promises/{promiseId}/reminders")
        ResponseEntity<Map<String, Object>> reminder(@PathVariable String customerId, @PathVariable String promiseId,
                                                     @Valid @RequestBody ReminderBody body) {
            return record(customerId, "REMINDER", promiseId, null, null, null, body.channel());
        }

        @PostMapping("/promises/{promiseId}/broken")
        ResponseEntity<Map<String, Object>> broken(@PathVariable String customerId, @PathVariable String promiseId,
                                                   @Valid @RequestBody BrokenBody body) {
            return record(customerId, "BROKEN", promiseId, null, null, null, body.reason());
        }

        @PostMapping("/promises/{promiseId}/renegotiation")
        ResponseEntity<Map<String, Object>> renegotiation(@PathVariable String customerId, @PathVariable String promiseId,
                                                          @Valid @RequestBody RenegotiationBody body) {
            return record(customerId, "RENEGOTIATION", body.newPromiseId(), null, null, body.newDueDate(), promiseId);
        }

        private ResponseEntity<Map<String, Object>> record(String customerId, String kind, String reference, BigDecimal amount,
                                                           String currency, LocalDate day, String detail) {
            Optional<String> accountCurrency = jdbc.sql("select currency from crud_customer where id = ?")
                    .param(customerId).query(String.class).optional();
            if (accountCurrency.isEmpty()) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "CUSTOMER_NOT_FOUND"));
            }
            if (currency != null && !currency.equals(accountCurrency.get())) {
                return ResponseEntity.unprocessableEntity().body(Map.of("code", "CURRENCY_MISMATCH"));
            }
            long id = jdbc.sql("""
                            insert into crud_entry (customer_id, kind, reference, amount, currency, day, detail)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(customerId, kind, reference, amount, currency, day, detail).query(Long.class).single();
            Map<String, Object> answer = new HashMap<>();
            answer.put("id", id);
            answer.put("kind", kind);
            if (reference != null) {
                answer.put("reference", reference);
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(answer);
        }
    }
}
