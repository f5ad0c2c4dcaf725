-- Each stored event's link in its stream's hash chain (core's EventChain): written by the history's storage engine in
-- the same transaction as the event, and for the events stored before this table existed by migration V41.
-- Issue 17's migrations take V35 to V39; the audit's start at V40.
create table event_chain (
    stream_id       varchar(255) not null,
    sequence_number bigint       not null,
    hash            char(64)     not null,
    constraint event_chain_pkey primary key (stream_id, sequence_number)
);
