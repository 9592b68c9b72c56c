-- Docker hosts that workspaces run on, registered by admins, and what workspaces hold on them.
create table hosts (
    id                    uuid primary key,
    name                  varchar(40)   not null unique,
    endpoint              varchar(300)  not null,
    address               varchar(255)  not null,
    labels                varchar(500)  not null default '',
    -- what the portal may use there; null means all the engine reports
    cpus                  integer check (cpus >= 1),
    memory_mb             integer check (memory_mb >= 256),
    port_range_start      integer       not null,
    port_range_end        integer       not null,
    -- TLS material for tcp:// endpoints, each encrypted like every other secret
    tls_ca_ciphertext     text,
    tls_cert_ciphertext   text,
    tls_key_ciphertext    text,
    drained               boolean       not null default false,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    version               bigint        not null default 0,
    check (port_range_start >= 1024 and port_range_end <= 65535 and port_range_end >= port_range_start),
    check ((tls_ca_ciphertext is null) = (tls_key_ciphertext is null) and (tls_cert_ciphertext is null) = (tls_key_ciphertext is null))
);

-- What the health check last saw of each host's engine; apart from the admin's settings, so that a
-- check never collides with an edit.
create table host_health (
    host_id               uuid          primary key references hosts (id) on delete cascade,
    status                varchar(8)    not null default 'UNKNOWN' check (status in ('UNKNOWN', 'UP', 'DOWN')),
    last_checked_at       timestamptz,
    last_seen_at          timestamptz,
    last_error            varchar(1000),
    engine_version        varchar(64),
    api_version           varchar(16),
    engine_cpus           integer,
    engine_memory_bytes   bigint
);

-- Cores and memory a workspace's container holds on a host, from placement until its removal.
create table host_leases (
    id            bigserial primary key,
    host_id       uuid         not null references hosts (id),
    workspace_id  uuid         not null,
    role          varchar(40)  not null,
    cpus          integer      not null check (cpus >= 0),
    memory_mb     integer      not null check (memory_mb >= 0),
    created_at    timestamptz  not null,
    unique (workspace_id, role)
);
create index host_leases_host on host_leases (host_id);
