-- Append-only audit trail: the database refuses updates and deletes.
create table audit_events (
    id             bigserial primary key,
    at             timestamptz  not null,
    actor          varchar(64),
    action         varchar(64)  not null,
    target         varchar(200),
    detail         varchar(2000),
    remote_address varchar(64)
);
create index audit_events_at on audit_events (at desc);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_events is append-only';
end;
$$;
create trigger audit_events_no_change
    before update or delete on audit_events
    for each statement execute function audit_events_append_only();
