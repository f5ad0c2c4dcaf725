-- The collector's judgement in the read models: reasons and faith after the fact, excused promises, the customer's
-- financial situation and our own commitments in the summary; the steps taken and the money on open windows in the
-- schedule, and the commitments of ours the service judges when nobody answers them.

alter table customer_summary
    add column situation          varchar(32),
    add column situation_since    date,
    add column credit_hold        boolean not null default false,  -- the situation calls for no further goods on credit
    add column commitments_open   integer not null default 0,
    add column commitments_missed integer not null default 0;

create index customer_summary_credit_hold on customer_summary (customer_id) where credit_hold;

alter table customer_promise
    add column reason  varchar(32),   -- the latest reason for not paying, from the break or a later explanation
    add column faith   varchar(8),
    add column excused boolean not null default false;

-- Money on a promise whose window is still open, so the follow-up a partly kept promise opens owes the rest exactly.
alter table promise_window add column paid numeric(20,4) not null default 0;

-- What a follow-up's suggested step and severity are worked out from, kept so a later explanation, step or payment
-- can work them out again.
alter table follow_up
    add column faith           varchar(8),
    add column habitual        boolean not null default false,
    add column repeated_soon   boolean not null default false,
    add column last_step_taken varchar(16),
    add column last_step_at    timestamptz;

-- The promises of the last valued outcomes, newest first, comma-separated: a judgement again changes its own bit.
alter table customer_outcomes add column recent_promises text not null default '';

create table commitment_window (
    customer_id   varchar(64) not null,
    commitment_id varchar(64) not null,
    due_date      date        not null,
    answer_by     date        not null,  -- unanswered at the end of this day, the service judges it missed
    claimed_until timestamptz,
    primary key (customer_id, commitment_id)
);

create index commitment_window_answer_by on commitment_window (answer_by);

-- Rows written before hold none of the above, which only the history knows: a database that has customers already
-- clears its read models on the next start and its processors replay the history into them (InterruptedRebuild).
insert into read_model_rebuild (started_at) select now() where exists (select 1 from customer_summary);
