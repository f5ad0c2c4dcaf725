package com.promises.api.infrastructure.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * @param signingKeyFile the Ed25519 private key (PKCS#8 PEM, as {@code openssl genpkey -algorithm ed25519} writes it)
 *                       that seals auditors' bundles. Unset: on the embedded database a key is made at the first start
 *                       and kept in the data directory; an external database refuses to start without one.
 */
@ConfigurationProperties("promises.audit")
record AuditSettings(Path signingKeyFile) {
}
