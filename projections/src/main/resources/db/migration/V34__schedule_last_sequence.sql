-- The schedule's last applied event of each customer, so an event a processor delivers again (its token moved back,
-- or a crash between handling and committing the token) changes nothing. Every customer gets a row.
alter table customer_outcomes add column last_sequence bigint not null default -1;
