package com.promises.api.infrastructure.startup;

import com.promises.api.infrastructure.persistence.DataDirectoryUnusableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded database cannot keep its files where promises.data-dir points. */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryUnusableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryUnusableException cause) {
        return new FailureAnalysis(
                "The data directory set by promises.data-dir (PROMISES_DATA_DIR) cannot be written: "
                        + cause.directory().toAbsolutePath().normalize(),
                "Point promises.data-dir at a directory this user can create and write, "
                        + "or set spring.datasource.url to use an external PostgreSQL.",
                cause);
    }
}
