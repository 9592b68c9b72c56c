-- Local users of the portal. Quota columns are per-user overrides; null means the configured default.
create table users (
    id             uuid primary key,
    username       varchar(64)  not null unique,
    password_hash  varchar(100) not null,
    role           varchar(16)  not null check (role in ('USER', 'ADMIN')),
    enabled        boolean      not null default true,
    max_workspaces integer check (max_workspaces >= 0),
    max_workers    integer check (max_workers >= 0),
    created_at     timestamptz  not null,
    version        bigint       not null default 0
);
