package com.promises.api.infrastructure.persistence;

import java.nio.file.Path;

/** Another running service keeps its embedded database in the directory promises.data-dir points at. */
public class DataDirectoryInUseException extends RuntimeException {

    private final Path serverDirectory;

    DataDirectoryInUseException(Path serverDirectory) {
        super("The embedded database in " + serverDirectory.toAbsolutePath().normalize() + " is in use by another running service");
        this.serverDirectory = serverDirectory;
    }

    /** promises.data-dir, which holds the server's directory. */
    public Path dataDirectory() {
        return serverDirectory.toAbsolutePath().normalize().getParent();
    }
}
