package com.promises.core.audit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a bundle is sealed: an Ed25519 signature over a statement of the customer, the chain's head and the score the
 * service gave under its policy, so a verifier that trusts the key trusts every event the head chains and the score.
 * Keys travel as base64 X.509 ({@code publicKey}) and are named by a {@link #keyId(PublicKey) key id}.
 */
public final class AuditSignature {

    public static final String ALGORITHM = "Ed25519";

    private AuditSignature() {
    }

    /** The text that is signed: a canonical JSON object, so the verifier rebuilds it byte for byte. */
    public static byte[] statement(String customerId, String head, String policyVersion, BigDecimal score, String band) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("customerId", customerId);
        fields.put("head", head);
        fields.put("policyVersion", policyVersion);
        fields.put("score", score);
        fields.put("band", band);
        return CanonicalJson.object(fields).getBytes(StandardCharsets.UTF_8);
    }

    /** The first 16 hex digits of the SHA-256 of the key's X.509 encoding. */
    public static String keyId(PublicKey key) {
        return EventChain.sha256(key.getEncoded()).substring(0, 16);
    }

    /**
     * @throws IllegalArgumentException when the text is not a base64 X.509 Ed25519 public key
     */
    public static PublicKey publicKey(String base64) {
        try {
            return publicKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 " + ALGORITHM + " public key", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the bytes are not an X.509 Ed25519 public key
     */
    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " public key", e);
        }
    }

    public static String publicKeyBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The signature, base64. */
    public static String sign(PrivateKey key, byte[] statement) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(statement);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the " + ALGORITHM + " key", e);
        }
    }

    /** False also when the signature is not base64 or not a signature at all. */
    public static boolean verifies(PublicKey key, byte[] statement, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(statement);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
