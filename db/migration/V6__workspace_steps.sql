-- The durable steps of provisioning and teardown, one row per step and operation. A step is retried
-- in place (attempts grows); its last error stays until it succeeds.
create table workspace_steps (
    id           bigserial primary key,
    workspace_id uuid         not null references workspaces (id),
    operation    varchar(16)  not null check (operation in ('PROVISION', 'TEARDOWN')),
    kind         varchar(32)  not null,
    ordinal      integer      not null,
    status       varchar(16)  not null check (status in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    attempts     integer      not null default 0,
    started_at   timestamptz,
    finished_at  timestamptz,
    error        varchar(2000),
    unique (workspace_id, operation, kind)
);
create index workspace_steps_workspace on workspace_steps (workspace_id, operation, ordinal);
