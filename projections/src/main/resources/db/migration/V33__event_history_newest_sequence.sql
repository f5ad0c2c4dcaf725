-- The event history's one answer in SQL (JdbcEventHistory owns the tables of V1): a customer's newest sequence
-- number, so a read can compare its stored view with the history in the same statement. plpgsql keeps the
-- function's plan for the session.
create function customer_newest_sequence(customer varchar) returns bigint
language plpgsql stable as $$
begin
    return (select max(sequencenumber) from domainevententry where aggregateidentifier = customer);
end
$$;
