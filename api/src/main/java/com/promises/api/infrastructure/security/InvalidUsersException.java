package com.promises.api.infrastructure.security;

import java.util.List;

/** promises.security.users cannot be read, or there are none where they are required. */
public class InvalidUsersException extends RuntimeException {

    InvalidUsersException(List<String> mistakes) {
        super("promises.security.users (PROMISES_SECURITY_USERS) is not valid: " + String.join("; ", mistakes));
    }

    InvalidUsersException(String reason) {
        super(reason);
    }
}
