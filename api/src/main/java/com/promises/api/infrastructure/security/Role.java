package com.promises.api.infrastructure.security;

/** What a user may do. A user may hold several ("COLLECTOR+ADMIN"). */
enum Role {
    /** Posts commands and reads. */
    COLLECTOR,
    /** Reads everything, including history, as-of scores and exports; posts nothing. */
    AUDITOR,
    /** Reads, and runs the administration endpoints (projection rebuilds). */
    ADMIN
}
