-- Workspace settings an admin changes at run time; one row. A null value means the default from the
-- configuration (portal.workspace.expiry.*) applies.
create table workspace_settings (
    id                    smallint    primary key check (id = 1),
    keep_stopped_for_days integer     check (keep_stopped_for_days between 1 and 365),
    changed_by            varchar(64),
    changed_at            timestamptz,
    version               bigint      not null default 0
);
insert into workspace_settings (id) values (1);
