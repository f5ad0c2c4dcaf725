-- The first answer to each request sent with an Idempotency-Key, replayed when the client retries.
-- A row is inserted (claimed) in the same transaction that stores the request's events and is
-- committed with them, so a stored answer and its events exist together or not at all. A retry that
-- arrives while the first request runs waits on the uncommitted row, then replays the answer.
create table idempotency_key (
    principal       varchar(255) not null, -- the authenticated user; keys are scoped to the user
    idempotency_key varchar(255) not null,
    request_hash    bytea        not null, -- SHA-256 of method, path and body
    status          smallint,              -- null only inside the claiming transaction
    content_type    varchar(255),
    location        varchar(2048),
    body            bytea,
    created_at      timestamptz  not null default now(),
    constraint idempotency_key_pkey primary key (principal, idempotency_key)
);

-- The hourly clean-up deletes answers older than the retention period (at least 24 hours).
create index idempotency_key_created_at on idempotency_key (created_at);
