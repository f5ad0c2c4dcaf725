package com.promises.api.web.audit;

import com.promises.core.audit.AuditSignature;
import com.promises.core.audit.SigningKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The key auditors check bundles against. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Customers and audit", description = "Reliability, overdue status, worklists, history, as-of scores")
class AuditKeys {

    private final SigningKey key;

    AuditKeys(SigningKey key) {
        this.key = key;
    }

    @GetMapping("/public-key")
    @Operation(summary = "The public key that signs bundles", description = "Ed25519, base64 X.509. Save this answer "
            + "and give it to the verifier with --public-key, so a bundle signed by any other key is refused.")
    @ApiResponse(responseCode = "200", description = "The key, its id and its algorithm")
    PublicKeyResponse publicKey() {
        return new PublicKeyResponse(key.keyId(), AuditSignature.ALGORITHM, AuditSignature.publicKeyBase64(key.publicKey()));
    }
}
