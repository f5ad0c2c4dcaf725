package com.promises.api.web.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/** @param keyId the first 16 hex digits of the SHA-256 of the key's X.509 encoding, as bundles name it */
@Schema(description = "The key that signs auditors' bundles")
record PublicKeyResponse(@Schema(example = "4f1c2a9e0b7d3e65") String keyId,
                         @Schema(example = "Ed25519") String algorithm,
                         @Schema(example = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=") String publicKey) {
}
