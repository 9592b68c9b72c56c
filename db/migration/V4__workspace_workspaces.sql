-- Workspaces and the history of their lifecycle transitions.
create table workspaces (
    id            uuid primary key,
    name          varchar(40)   not null,
    description   varchar(2000),
    owner         varchar(64)   not null,
    template_id   uuid          not null references workspace_templates (id),
    workers       integer       not null check (workers >= 1),
    datahub       boolean       not null,
    retention     varchar(16)   not null check (retention in ('KEEP', 'DESTROY', 'ERADICATE')),
    expires_at    timestamptz,
    status        varchar(24)   not null,
    status_reason varchar(1000),
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0
);
-- A name is unique among the owner's live workspaces; rejected and deleted ones free it.
create unique index workspaces_live_name on workspaces (owner, name) where status not in ('REJECTED', 'DELETED');
create index workspaces_owner on workspaces (owner);
create index workspaces_status on workspaces (status);

create table workspace_transitions (
    id           bigserial primary key,
    workspace_id uuid         not null references workspaces (id),
    from_status  varchar(24),
    to_status    varchar(24)  not null,
    actor        varchar(64)  not null,
    reason       varchar(1000),
    at           timestamptz  not null
);
create index workspace_transitions_workspace on workspace_transitions (workspace_id, id);
