-- The Spark cluster of a workspace: its secrets, and its containers as the steps left them.
alter table workspace_templates add column cluster boolean not null default true;

insert into workspace_templates (id, name, description, image, spark_version, default_workers, max_workers,
                                 worker_cores, worker_memory_mb, is_default, enabled, created_at, cluster)
values ('00000000-0000-0000-0000-000000000002', 'storage-only',
        'A bucket (and optionally a datahub) with its credentials, for tools of your own; no Spark cluster.',
        'none', '-', 1, 1, 1, 256, false, true, now(), false);

create table workspace_clusters (
    workspace_id              uuid          primary key references workspaces (id),
    image                     varchar(200)  not null,
    spark_secret_ciphertext   text          not null,
    jupyter_token_ciphertext  text          not null,
    workers_alive             integer       not null default 0,
    notebook_ready_at         timestamptz,
    created_at                timestamptz   not null,
    updated_at                timestamptz   not null
);

create table cluster_members (
    workspace_id    uuid          not null references workspaces (id),
    role            varchar(40)   not null,
    host_id         uuid          not null,
    container_name  varchar(128)  not null,
    container_id    varchar(80),
    state           varchar(32)   not null default 'planned',
    updated_at      timestamptz   not null,
    primary key (workspace_id, role)
);
