package com.promises.api.infrastructure.startup;

import com.promises.api.infrastructure.signing.SigningKeyUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** No key to sign auditors' bundles with: say which setting to give, not the stack. */
class SigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set promises.audit.signing-key-file (PROMISES_AUDIT_SIGNING_KEY_FILE) to an Ed25519 private key in "
                        + "PEM, made once with 'openssl genpkey -algorithm ed25519 -out signing-key.pem' and readable by "
                        + "the service's user only (chmod 600), the same file for every instance.",
                cause);
    }
}
