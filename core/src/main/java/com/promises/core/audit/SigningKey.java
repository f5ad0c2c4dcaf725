package com.promises.core.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/** The service's Ed25519 key pair, which seals bundles. Kept as a PKCS#8 private key, as openssl writes one. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(AuditSignature.ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot make " + AuditSignature.ALGORITHM + " keys", e);
        }
    }

    /**
     * The key pair of this PKCS#8 private key. Java has no call that derives an Ed25519 public key from its private
     * key, but its key generator makes the pair from 32 random bytes that are the private key: handed the key's own
     * bytes as its randomness, it makes this very pair.
     *
     * @throws IllegalArgumentException when the bytes are not a PKCS#8 Ed25519 private key
     */
    public static SigningKey fromPkcs8(byte[] pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance(AuditSignature.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
            KeyPairGenerator generator = KeyPairGenerator.getInstance(AuditSignature.ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] made = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(made, seed)) {
                throw new IllegalStateException("The key generator did not take the private key's bytes as they are");
            }
            return new SigningKey(key, pair.getPublic());
        } catch (GeneralSecurityException | ClassCastException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException("not a PKCS#8 " + AuditSignature.ALGORITHM + " private key", e);
        }
    }

    public String keyId() {
        return AuditSignature.keyId(publicKey);
    }

    public String sign(byte[] statement) {
        return AuditSignature.sign(privateKey, statement);
    }

    /** The private key as PEM ({@code -----BEGIN PRIVATE KEY-----}), as {@code openssl genpkey} writes it. */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    public String publicKeyPem() {
        return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Names the key, never shows it. */
    @Override
    public String toString() {
        return "SigningKey[" + AuditSignature.ALGORITHM + ", keyId " + keyId() + "]";
    }

    /** Randomness that is these bytes. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] into) {
            if (into.length != bytes.length) {
                throw new IllegalStateException("The key generator asked for " + into.length + " bytes, not " + bytes.length);
            }
            System.arraycopy(bytes, 0, into, 0, into.length);
        }
    }
}
