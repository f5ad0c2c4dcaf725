-- Bulk imports: one row per posted file, its refused lines, and every line ever applied from a file.
create table import_run (
    import_id       uuid         not null primary key,
    principal       varchar(255) not null,           -- who posted it; its commands carry this actor
    idempotency_key varchar(255),                    -- the post's Idempotency-Key, if it had one
    file_digest     bytea        not null,           -- SHA-256 of the file
    status          varchar(16)  not null,           -- RUNNING, DONE, FAILED
    failure         varchar(500),                    -- why FAILED
    lines           bigint       not null,           -- non-blank lines in the file
    applied         bigint       not null default 0,
    already_applied bigint       not null default 0,
    refused         bigint       not null default 0,
    events          bigint       not null default 0, -- events the applied lines stored
    running_seconds double precision not null default 0,
    started_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now() -- the running instance's heartbeat
);

-- A retry of a post with the same key (by the same user) answers the same import.
create unique index import_run_idempotency_key on import_run (principal, idempotency_key) where idempotency_key is not null;

-- The first refused lines of each import (the count of all is import_run.refused).
create table import_refusal (
    import_id uuid          not null references import_run (import_id) on delete cascade,
    line      bigint        not null,
    code      varchar(64)   not null,
    detail    varchar(2000) not null,
    constraint import_refusal_pkey primary key (import_id, line)
);

-- A line of a file (by the file's digest and the line's number) that was applied, inserted in the transaction
-- that stores the line's events: the same file posted again applies none of them twice.
create table import_line (
    file_digest bytea  not null,
    line        bigint not null,
    constraint import_line_pkey primary key (file_digest, line)
);
