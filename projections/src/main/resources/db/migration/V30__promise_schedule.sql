-- What time does to promises: windows still to be judged, reminder planning, follow-ups after breaks.

create table promise_window (
    customer_id      varchar(64)   not null,
    promise_id       varchar(64)   not null,
    amount           numeric(20,4) not null,
    currency         char(3)       not null,
    due_date         date          not null,
    window_closes_on date          not null,
    disputed         boolean       not null default false,
    reminded_on      date,
    claimed_until    timestamptz,   -- set by a sweeper that has asked for the valuation, so others skip it a while
    primary key (customer_id, promise_id)
);

create index promise_window_closing on promise_window (window_closes_on) where not disputed;
create index promise_window_due on promise_window (due_date) where not disputed;

create table customer_quiet_days (
    customer_id     varchar(64) not null primary key,
    next_allowed_on date        not null
);

-- The last valued outcomes of each customer as bits (1 = broken, newest lowest), for the escalation ladder.
create table customer_outcomes (
    customer_id    varchar(64) not null primary key,
    recent_breaks  integer     not null,
    recent_count   integer     not null,
    last_broken_on date
);

create table follow_up (
    id             varchar(64)   not null primary key,  -- the identifier of the PromiseBroken event that opened it
    customer_id    varchar(64)   not null,
    promise_id     varchar(64)   not null,
    suggested_step varchar(32)   not null,
    severity       integer       not null,
    opened_at      timestamptz   not null,
    still_owed     numeric(20,4) not null,
    closed_at      timestamptz,
    closed_because varchar(32),
    note           text
);

create index follow_up_open on follow_up (severity desc, opened_at) where closed_at is null;
create index follow_up_customer on follow_up (customer_id) where closed_at is null;
