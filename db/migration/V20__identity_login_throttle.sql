-- Failed sign-ins per username and per client address, as Bucket4j token buckets (one row per key),
-- so that every portal instance counts the same failures. Rows expire once their bucket is full again.
create table login_throttle (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
