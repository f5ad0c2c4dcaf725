package com.promises.api.infrastructure.signing;

import com.promises.api.infrastructure.config.PromisesProperties;
import com.promises.core.audit.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The Ed25519 key that seals auditors' bundles. Configured from a file in production
 * ({@code promises.audit.signing-key-file}); on the embedded database, without one, made at the first start and kept
 * in the data directory. With an external database and no file the service refuses to start, as it does without
 * users: several instances share that database, and a key each made for itself would sign their bundles with keys
 * the auditors were never given, and vanish with the instance's disk.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    static final String SETTING = "promises.audit.signing-key-file";
    static final String FILE_IN_DATA_DIRECTORY = "audit-signing-key.pem";
    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    @Bean
    SigningKey auditSigningKey(AuditSettings settings, PromisesProperties properties, Environment environment) {
        SigningKey key;
        if (settings.signingKeyFile() != null && !settings.signingKeyFile().toString().isBlank()) {
            key = SigningKeyFiles.read(settings.signingKeyFile(), SETTING);
        } else if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new SigningKeyUnavailableException("No signing key is configured (" + SETTING + ") and the database "
                    + "is external (spring.datasource.url is set). The service will not sign auditors' bundles with a "
                    + "key of one instance's own.", null);
        } else {
            key = SigningKeyFiles.readOrCreate(properties.dataDir().resolve(FILE_IN_DATA_DIRECTORY));
        }
        log.info("Auditors' bundles are signed by Ed25519 key {}", key.keyId());
        return key;
    }
}
