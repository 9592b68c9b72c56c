-- The append-only guard of V5 covered UPDATE and DELETE; TRUNCATE bypasses row triggers, so guard it too.
create trigger audit_events_no_truncate
    before truncate on audit_events
    for each statement execute function audit_events_append_only();
