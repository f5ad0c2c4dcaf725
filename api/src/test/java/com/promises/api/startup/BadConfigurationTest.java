package com.promises.api.startup;

import com.promises.PromisesApplication;
import com.promises.api.persistence.DataDirectoryUnusableException;
import com.promises.api.persistence.DatabaseUnreachableException;
import com.promises.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Bad configuration stops startup with one sentence that names the setting at fault. */
class BadConfigurationTest {

    @Test
    void anUnreachableExternalDatabaseNamesSpringDatasourceUrl() {
        Throwable failure = start(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere"));

        var cause = causeOfType(failure, DatabaseUnreachableException.class);
        FailureAnalysis analysis = new DatabaseUnreachableFailureAnalyzer().analyze(failure);
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
        FailureAnalysis analysis = new DataDirectoryFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription())
                .startsWith("The data directory set by promises.data-dir")
                .contains("not-a-directory");
    }

    private static Throwable start(Map<String, Object> properties) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PromisesApplication.class)
                .web(WebApplicationType.NONE)
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
