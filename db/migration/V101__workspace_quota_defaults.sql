-- The default quotas an admin sets at run time (Admin → Settings); one row. A null value means the
-- configured default (portal.workspace.quota.*) applies. Per-user overrides stay on users.
create table workspace_quota_defaults (
    id                  smallint    primary key check (id = 1),
    max_live_workspaces integer     check (max_live_workspaces between 0 and 1000000),
    max_total_workers   integer     check (max_total_workers between 0 and 1000000),
    changed_by          varchar(64),
    changed_at          timestamptz,
    version             bigint      not null default 0
);
insert into workspace_quota_defaults (id) values (1);
