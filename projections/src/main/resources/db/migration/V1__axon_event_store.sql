-- Axon's event store, owned by Flyway rather than created by Axon or Hibernate.
-- Payloads, metadata and tokens are bytea (never oid large objects, which leak in PostgreSQL),
-- and the global index is a bigserial that allocates one at a time: gaps in it make every
-- tracking processor wait and re-check, so no sequence here is created with a larger increment.

create table domainevententry (
    globalindex         bigserial    not null,
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255),
    eventidentifier     varchar(255) not null,
    metadata            bytea,
    payload             bytea        not null,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) not null,
    timestamp           varchar(255) not null,
    constraint domainevententry_pkey primary key (globalindex),
    constraint domainevententry_aggregate_sequence unique (aggregateidentifier, sequencenumber),
    constraint domainevententry_event_identifier unique (eventidentifier)
);

create table snapshotevententry (
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255) not null,
    eventidentifier     varchar(255) not null,
    metadata            bytea,
    payload             bytea        not null,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) not null,
    timestamp           varchar(255) not null,
    constraint snapshotevententry_pkey primary key (aggregateidentifier, sequencenumber),
    constraint snapshotevententry_event_identifier unique (eventidentifier)
);

create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    constraint tokenentry_pkey primary key (processorname, segment)
);
