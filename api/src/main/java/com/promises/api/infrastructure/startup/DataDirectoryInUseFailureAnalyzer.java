package com.promises.api.infrastructure.startup;

import com.promises.api.infrastructure.persistence.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second service on the same embedded database files: the running one is left alone. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis("The data directory set by promises.data-dir (PROMISES_DATA_DIR) is in use by "
                        + "another running Promises service, which was left alone: " + cause.dataDirectory(),
                "Stop that service first, or point promises.data-dir at another directory. To run a second instance "
                        + "on the same data, give it the first one's database with spring.datasource.url.",
                cause);
    }
}
