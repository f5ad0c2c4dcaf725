package com.promises.api.infrastructure.startup;

import com.promises.PromisesApplication;
import com.promises.api.infrastructure.persistence.DataDirectoryUnusableException;
import com.promises.api.infrastructure.persistence.DatabaseUnreachableException;
import com.promises.api.infrastructure.signing.SigningKeyUnavailableException;
import com.promises.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.NestedExceptionUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Bad configuration stops startup with one sentence that names the setting at fault. */
class BadConfigurationTest {

    @Test
    void anUnreachableExternalDatabaseNamesSpringDatasourceUrl() {
        Throwable failure = start(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere"));

        var cause = causeOfType(failure, DatabaseUnreachableException.class);
        FailureAnalysis analysis = new FailureAnalyzers().analyze(failure);
        assertThat(cause.url()).isEqualTo("jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(analysis.getDescription())
                .startsWith("Cannot connect to the database set by spring.datasource.url")
                .contains("127.0.0.1:1/nowhere");
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenNamesPromisesDataDir(@TempDir Path temp) throws IOException {
        Path aFile = Files.writeString(temp.resolve("not-a-directory"), "x");
        Throwable failure = start(Map.of("promises.data-dir", aFile.resolve("data").toString()));

        causeOfType(failure, DataDirectoryUnusableException.class);
        FailureAnalysis analysis = new FailureAnalyzers().analyze(failure);
        assertThat(analysis.getDescription())
                .startsWith("The data directory set by promises.data-dir")
                .contains("not-a-directory");
    }

    @Test
    void aSigningKeyFileThatCannotBeReadNamesPromisesAuditSigningKeyFile(@TempDir Path temp) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("promises.audit.signing-key-file", temp.resolve("missing.pem").toString());
        Throwable failure = start(properties);

        causeOfType(failure, SigningKeyUnavailableException.class);
        FailureAnalysis analysis = new FailureAnalyzers().analyze(failure);
        assertThat(analysis.getDescription()).startsWith("The signing key file set by promises.audit.signing-key-file")
                .contains("missing.pem");
        assertThat(analysis.getAction()).contains("openssl genpkey -algorithm ed25519");
    }

    @Test
    void aPortInUseIsNamed() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
            properties.put("server.port", taken.getLocalPort());
            Throwable failure = start(properties, WebApplicationType.SERVLET);

            FailureAnalysis analysis = new FailureAnalyzers().analyze(failure);
            assertThat(analysis.getDescription()).contains("Port " + taken.getLocalPort() + " was already in use");
        }
    }

    /** The analyzers Spring Boot runs at a failed start, this project's included. */
    private static final class FailureAnalyzers {
        FailureAnalysis analyze(Throwable failure) {
            var arguments = SpringFactoriesLoader.ArgumentResolver
                    .of(BeanFactory.class, new DefaultListableBeanFactory())
                    .and(Environment.class, new StandardEnvironment());
            return SpringFactoriesLoader.forDefaultResourceLocation()
                    .load(FailureAnalyzer.class, arguments, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> { }))
                    .stream()
                    .map(analyzer -> analyzer.analyze(failure))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no analyzer explains " + failure));
        }
    }

    private static Throwable start(Map<String, Object> properties) {
        return start(properties, WebApplicationType.NONE);
    }

    private static Throwable start(Map<String, Object> properties, WebApplicationType web) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PromisesApplication.class)
                .web(web)
                .run(TestDatabase.asArguments(properties))
                .close());
        assertThat(failure).as("startup should fail").isNotNull();
        return failure;
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + NestedExceptionUtils.getMostSpecificCause(failure));
    }
}
