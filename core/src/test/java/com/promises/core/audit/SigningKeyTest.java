package com.promises.core.audit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seal of a bundle: a key kept as PEM comes back as the same pair, and a signature holds only for its statement. */
class SigningKeyTest {

    @Test
    void aKeyKeptAsPemComesBackWithItsPublicKey() {
        SigningKey made = SigningKey.generate();
        SigningKey read = SigningKey.fromPkcs8(Pem.decode(made.privateKeyPem(), "PRIVATE KEY"));
        assertThat(read.publicKey().getEncoded()).isEqualTo(made.publicKey().getEncoded());
        assertThat(read.keyId()).isEqualTo(made.keyId()).hasSize(16);
        assertThat(read.toString()).doesNotContain(made.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
    }

    /** openssl genpkey -algorithm ed25519 (the RFC 8410 example key). */
    private static final String RFC_8410_PRIVATE_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
            -----END PRIVATE KEY-----
            """;
    /** Its public key as RFC 8410 gives it, X.509 in base64. */
    private static final String RFC_8410_PUBLIC_KEY = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";

    @Test
    void aKeyWrittenByOpensslIsRead() {
        SigningKey key = SigningKey.fromPkcs8(Pem.decode(RFC_8410_PRIVATE_KEY, "PRIVATE KEY"));
        assertThat(AuditSignature.publicKeyBase64(key.publicKey())).isEqualTo(RFC_8410_PUBLIC_KEY);
        assertThat(key.privateKeyPem()).isEqualTo(RFC_8410_PRIVATE_KEY);
    }

    @Test
    void thePublicKeyIsPublishedAsPemAsOpensslWritesIt() {
        // what `openssl pkey -pubout` prints for the RFC 8410 key, and what the verifier is handed
        SigningKey key = SigningKey.fromPkcs8(Pem.decode(RFC_8410_PRIVATE_KEY, "PRIVATE KEY"));
        assertThat(key.publicKeyPem()).isEqualTo("""
                -----BEGIN PUBLIC KEY-----
                %s
                -----END PUBLIC KEY-----
                """.formatted(RFC_8410_PUBLIC_KEY));
    }

    @Test
    void aKeyNamesItselfByItsAlgorithmAndIdAndNeverShowsItsPrivatePart() {
        // a record would print both keys; logs and error messages must only ever name the key
        SigningKey key = SigningKey.fromPkcs8(Pem.decode(RFC_8410_PRIVATE_KEY, "PRIVATE KEY"));
        assertThat(key.keyId()).isEqualTo("a1e9156054e04fac");
        assertThat(key.toString()).isEqualTo("SigningKey[Ed25519, keyId a1e9156054e04fac]");
    }

    @Test
    void aSignatureHoldsForItsStatementAndKeyOnly() {
        SigningKey key = SigningKey.generate();
        byte[] statement = AuditSignature.statement("hotel", "ab".repeat(32), "v1", new BigDecimal("62.5"), "C");
        assertThat(new String(statement, StandardCharsets.UTF_8)).isEqualTo("{\"band\":\"C\",\"customerId\":\"hotel\","
                + "\"head\":\"" + "ab".repeat(32) + "\",\"policyVersion\":\"v1\",\"score\":62.5}");
        String signature = key.sign(statement);

        assertThat(AuditSignature.verifies(key.publicKey(), statement, signature)).isTrue();
        assertThat(AuditSignature.verifies(AuditSignature.publicKey(AuditSignature.publicKeyBase64(key.publicKey())),
                statement, signature)).isTrue();
        byte[] otherScore = AuditSignature.statement("hotel", "ab".repeat(32), "v1", new BigDecimal("62.6"), "C");
        assertThat(AuditSignature.verifies(key.publicKey(), otherScore, signature)).isFalse();
        assertThat(AuditSignature.verifies(SigningKey.generate().publicKey(), statement, signature)).isFalse();
        assertThat(AuditSignature.verifies(key.publicKey(), statement, "not base64!")).isFalse();
    }

    @Test
    void whatIsNotAKeyIsRefused() {
        assertThatThrownBy(() -> AuditSignature.publicKey("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.fromPkcs8(new byte[]{1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.decode("nothing here", "PRIVATE KEY")).isInstanceOf(IllegalArgumentException.class);
    }
}
