-- Read models, rebuilt from the event store at will (their processors' tokens live in tokenentry).

create table customer_summary (
    customer_id             varchar(64)  not null primary key,
    name                    text         not null,
    currency                char(3)      not null,
    policy_version          varchar(16)  not null,
    score                   numeric(4,1) not null,
    band                    char(1)      not null,
    kept                    integer      not null,
    partially_kept          integer      not null,
    broken                  integer      not null,
    renegotiated            integer      not null,
    habitual_breaker        boolean      not null,
    score_card              text         not null,  -- the policy's running state, so each event costs O(1)
    credit                  numeric(20,4) not null,
    -- Dates that today's overdue status is derived from when read (no event is needed when a day passes):
    oldest_owed_due         date,        -- earliest due date among promises still owed (also the next due, when none is past)
    oldest_owed_window      date,        -- earliest window close among promises still owed
    open_promises           integer      not null,
    disputed_promises       integer      not null,
    last_sequence           bigint       not null   -- the customer's last event applied, for read-your-writes
);

create index customer_summary_band on customer_summary (band);
create index customer_summary_score on customer_summary (score, customer_id);
create index customer_summary_oldest_owed_due on customer_summary (oldest_owed_due, customer_id);
create index customer_summary_oldest_owed_window on customer_summary (oldest_owed_window);

create table customer_promise (
    customer_id      varchar(64)   not null,
    promise_id       varchar(64)   not null,
    amount           numeric(20,4) not null,
    paid             numeric(20,4) not null,
    due_date         date          not null,
    window_closes_on date          not null,
    state            varchar(16)   not null,
    level            integer       not null,
    owed             boolean       not null,  -- open, broken or partially kept, with money still unpaid
    made_order       integer       not null,
    primary key (customer_id, promise_id)
);

create index customer_promise_owed_due on customer_promise (customer_id, due_date) where owed;

-- Axon's JDBC dead-letter queue: events a projection failed on wait here instead of being skipped.
create table deadletterentry (
    deadletteridentifier varchar(255)  not null,
    processinggroup      varchar(255)  not null,
    sequenceidentifier   varchar(255)  not null,
    sequenceindex        bigint        not null,
    messagetype          varchar(255)  not null,
    eventidentifier      varchar(255)  not null,
    timestamp            varchar(255)  not null,
    payloadtype          varchar(255)  not null,
    payloadrevision      varchar(255),
    payload              bytea         not null,
    metadata             bytea,
    type                 varchar(255),
    aggregateidentifier  varchar(255),
    sequencenumber       bigint,
    tokentype            varchar(255),
    token                bytea,
    enqueuedat           varchar(255)  not null,
    lasttouched          varchar(255),
    processingstarted    varchar(255),
    causetype            varchar(255),
    causemessage         varchar(1023),
    diagnostics          bytea,
    constraint deadletterentry_pkey primary key (deadletteridentifier),
    constraint deadletterentry_sequence unique (processinggroup, sequenceidentifier, sequenceindex)
);

create index deadletterentry_group on deadletterentry (processinggroup);
create index deadletterentry_sequence_identifier on deadletterentry (processinggroup, sequenceidentifier);
