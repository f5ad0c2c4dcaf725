package com.promises.api.infrastructure.persistence;

import java.nio.file.Path;

/** The embedded database's files cannot live where promises.data-dir points. */
public class DataDirectoryUnusableException extends RuntimeException {

    private final Path directory;

    DataDirectoryUnusableException(Path directory, Exception cause) {
        super("Cannot write the data directory " + directory.toAbsolutePath().normalize()
                + (cause == null ? "" : ": " + cause), cause);
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
