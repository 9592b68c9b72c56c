-- Warm pools: per template, clusters (master + workers, no notebook, nothing of any user) kept
-- started so that an approval can claim one instead of starting JVMs.

alter table workspace_templates add column pool_size integer not null default 0
    check (pool_size between 0 and 10);

-- A workspace's containers and volumes are named and labelled by its cluster's id: the workspace's
-- own id, or the id of the pool cluster it claimed (containers cannot be relabelled).
alter table workspace_clusters add column cluster_id uuid;
update workspace_clusters set cluster_id = workspace_id;
alter table workspace_clusters alter column cluster_id set not null;
alter table workspace_clusters add constraint workspace_clusters_cluster_id unique (cluster_id);

-- Leases and ports held by a pool cluster (its id in workspace_id) until a workspace claims it.
alter table host_leases add column pooled boolean not null default false;

create table pool_clusters (
    id                       uuid          primary key,
    template_id              uuid          not null references workspace_templates (id),
    -- what it was started with: a template changed since makes it unfit, and it is drained
    image                    varchar(200)  not null,
    workers                  integer       not null check (workers >= 1),
    worker_cores             integer       not null,
    worker_memory_mb         integer       not null,
    spark_secret_ciphertext  text          not null,
    state                    varchar(16)   not null check (state in ('STARTING', 'READY', 'REMOVING')),
    reason                   varchar(1000),
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null
);
create index pool_clusters_claimable on pool_clusters (template_id, state);
