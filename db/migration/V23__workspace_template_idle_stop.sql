-- A template may stop its workspaces after a time without activity (null: never). Seconds, so that a
-- test can use a few; the admin form asks for minutes.
alter table workspace_templates add column idle_stop_seconds integer check (idle_stop_seconds >= 1);
