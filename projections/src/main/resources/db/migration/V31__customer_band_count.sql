-- How many customers the summary holds in each band, moved by the summary projection in the transaction
-- that writes the summaries: the worklist's total is then a few rows, not a count over every customer.
-- A band's count is the sum over its slots; each transaction adds to a slot of its own choosing, so
-- concurrent transactions (segments, rebuild workers) seldom wait on one another's row.
create table customer_band_count (
    band      char(1)  not null,
    slot      smallint not null,
    customers bigint   not null,
    constraint customer_band_count_pkey primary key (band, slot)
);

insert into customer_band_count (band, slot, customers)
select band, 0, count(*) from customer_summary group by band;
