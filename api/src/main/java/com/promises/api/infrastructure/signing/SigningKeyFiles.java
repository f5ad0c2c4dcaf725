package com.promises.api.infrastructure.signing;

import com.promises.core.audit.Pem;
import com.promises.core.audit.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** The signing key as a PEM file: read, or made once and kept readable by its owner only. */
final class SigningKeyFiles {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private SigningKeyFiles() {
    }

    /** @throws SigningKeyUnavailableException when the file cannot be read or holds no Ed25519 private key */
    static SigningKey read(Path file, String setting) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SigningKeyUnavailableException("The signing key file set by " + setting + " cannot be read: "
                    + file.toAbsolutePath().normalize() + " (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            SigningKey key = SigningKey.fromPkcs8(Pem.decode(pem, "PRIVATE KEY"));
            warnIfOthersCanRead(file);
            return key;
        } catch (IllegalArgumentException e) {
            throw new SigningKeyUnavailableException("The signing key file set by " + setting + " holds no Ed25519 "
                    + "private key (PEM, -----BEGIN PRIVATE KEY-----): " + file.toAbsolutePath().normalize(), e);
        }
    }

    /**
     * The key in this file, made and written first if there is none: created with owner-only permissions from the
     * start (POSIX 600), so it is never readable by others, not even for a moment.
     */
    static SigningKey readOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file, "promises.data-dir");
        }
        SigningKey key = SigningKey.generate();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, key.privateKeyPem(), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            return read(file, "promises.data-dir");
        } catch (IOException | UnsupportedOperationException e) {
            throw new SigningKeyUnavailableException("The signing key cannot be kept in the data directory set by "
                    + "promises.data-dir: " + file.toAbsolutePath().normalize(), e);
        }
        log.info("Made the Ed25519 key that signs auditors' bundles, key id {}, kept in {} (readable by its owner only)",
                key.keyId(), file.toAbsolutePath().normalize());
        return key;
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("The signing key file {} can be read by others than its owner ({}); chmod 600 it",
                        file.toAbsolutePath().normalize(), PosixFilePermissions.toString(permissions));
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // a file system without POSIX permissions: nothing to say
        }
    }
}
