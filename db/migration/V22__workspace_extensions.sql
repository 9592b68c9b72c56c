-- An owner's request for more time before their workspace expires; an admin approves or rejects it.
create table workspace_extensions (
    id               uuid primary key,
    workspace_id     uuid          not null references workspaces (id),
    requested_by     varchar(64)   not null,
    requested_expiry timestamptz   not null,
    previous_expiry  timestamptz   not null,
    reason           varchar(1000) not null,
    status           varchar(16)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by       varchar(64),
    decision_reason  varchar(1000),
    decided_at       timestamptz,
    created_at       timestamptz   not null,
    version          bigint        not null default 0
);
-- one open request per workspace at a time
create unique index workspace_extensions_one_pending on workspace_extensions (workspace_id) where status = 'PENDING';
create index workspace_extensions_workspace on workspace_extensions (workspace_id);
