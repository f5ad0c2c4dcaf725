package com.promises.api.infrastructure.persistence;

import java.sql.SQLException;

/** The database named by spring.datasource.url cannot be reached or refuses our credentials. */
public class DatabaseUnreachableException extends RuntimeException {

    private final String url;

    DatabaseUnreachableException(String url, SQLException cause) {
        super("Cannot connect to " + url + ": " + cause.getMessage(), cause);
        this.url = url;
    }

    public String url() {
        return url;
    }

    public String reason() {
        return getCause().getMessage();
    }
}
