-- How many customers the summary holds in each band, moved by the summary projection in the transaction
-- that writes the summaries: the worklist's total is then a few rows, not a count over every customer.
create table customer_band_count (
    band      char(1) not null primary key,
    customers bigint  not null
);

insert into customer_band_count (band, customers)
select band, count(*) from customer_summary group by band;
