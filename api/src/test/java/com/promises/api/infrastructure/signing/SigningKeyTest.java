package com.promises.api.infrastructure.signing;

import com.promises.api.infrastructure.config.PromisesProperties;
import com.promises.core.audit.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the key that signs bundles comes from: made once in the data directory, a file, or no start at all. */
class SigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void onTheEmbeddedDatabaseAKeyIsMadeOnceAndKeptForItsOwnerOnly() throws IOException {
        SigningKey first = key(null, new MockEnvironment());
        Path kept = directory.resolve(SigningKeyConfiguration.FILE_IN_DATA_DIRECTORY);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        assertThat(Files.readString(kept)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(key(null, new MockEnvironment()).keyId()).as("the next start's key").isEqualTo(first.keyId());
    }

    @Test
    void aConfiguredFileIsUsedAsItIs() throws IOException {
        SigningKey made = SigningKey.generate();
        Path file = Files.writeString(directory.resolve("signing-key.pem"), made.privateKeyPem());

        SigningKey read = key(file, new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/promises"));

        assertThat(read.keyId()).isEqualTo(made.keyId());
        assertThat(directory.resolve(SigningKeyConfiguration.FILE_IN_DATA_DIRECTORY)).doesNotExist();
    }

    @Test
    void anExternalDatabaseWithoutAKeyFileOrAFileThatIsNoKeyStopsTheStart() throws IOException {
        MockEnvironment external = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/promises");
        assertThatThrownBy(() -> key(null, external)).isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("promises.audit.signing-key-file").hasMessageContaining("database is external");
        assertThat(directory.resolve(SigningKeyConfiguration.FILE_IN_DATA_DIRECTORY)).doesNotExist();

        Path notAKey = Files.writeString(directory.resolve("notes.pem"), "hello");
        assertThatThrownBy(() -> key(notAKey, external)).isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("holds no Ed25519 private key");
        assertThatThrownBy(() -> key(directory.resolve("missing.pem"), external)).isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("cannot be read");
    }

    private SigningKey key(Path file, MockEnvironment environment) {
        PromisesProperties properties = Binder.get(new MockEnvironment().withProperty("promises.data-dir", directory.toString()))
                .bindOrCreate("promises", PromisesProperties.class);
        return new SigningKeyConfiguration().auditSigningKey(new AuditSettings(file), properties, environment);
    }
}
